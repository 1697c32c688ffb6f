package org.cailab.slcai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.cailab.constitution.ConstitutionChoice;
import org.cailab.constitution.ConstitutionFormat;
import org.cailab.constitution.ConstitutionService;
import org.cailab.model.DemoAttempts;
import org.cailab.model.DemoChainReadability;
import org.cailab.model.DemoModelCache;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.NewSnapshot;
import org.cailab.model.SnapshotKind;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunState;
import org.cailab.pipeline.RunSummary;
import org.cailab.promptset.PromptExtraction;
import org.cailab.promptset.PromptFormat;
import org.cailab.promptset.PromptImport;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetId;
import org.cailab.promptset.PromptSetKind;
import org.cailab.promptset.PromptSetService;
import org.cailab.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A real SL-CAI run through the run service on the real demo model (demo-final as the app trains it, trained once per
 * build by {@link DemoModelCache}) with the shipped default constitution: six harmful requests the demo corpus
 * never contains, one critique/revision round. The stored chains must be readable by measurable criteria (see
 * {@link DemoChainReadability}): the critique ends by itself in the expected format, the revision is non-empty, made
 * of the corpus's words and writes no turns of its own. Issue 19 found unreadable chains here before the demo corpus
 * taught the formats.
 */
@WithMockUser(username = "researcher", roles = "RESEARCHER")
class DemoSlCaiRunIT extends IntegrationTest {

    @Autowired
    RunService runs;

    @Autowired
    SlCaiService slCai;

    @Autowired
    ConstitutionService constitutions;

    @Autowired
    PromptSetService promptSets;

    @Autowired
    ModelRegistry registry;

    @Test
    void slCaiOnTheDemoModelStoresReadableChains() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ModelSnapshot demo = SlCaiTestData.asAdmin(() -> {
            try {
                return registry.register(NewSnapshot.local(
                        "demo-final (test cache) " + suffix,
                        SnapshotKind.PRETRAINED,
                        DemoModelCache.finalModel().toString()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] yaml;
        try (InputStream in = new ClassPathResource("constitution/default.yaml").getInputStream()) {
            yaml = in.readAllBytes();
        }
        long version = SlCaiTestData.asAdmin(() -> constitutions
                .importAsNewConstitution(
                        "demo-slcai-" + suffix, "default.yaml", yaml, ConstitutionFormat.CAILAB_YAML, "demo SL-CAI")
                .version()
                .id());
        // six of the held-out harmful requests (never in the demo corpus), of different harms
        List<String> requests = DemoAttempts.heldOutRequests();
        List<String> chosen = List.of(
                requests.get(0), requests.get(3), requests.get(5), requests.get(8), requests.get(10), requests.get(13));
        PromptSet set = SlCaiTestData.asAdmin(() -> promptSets.importPrompts(
                new PromptImport(
                        "demo red team " + suffix,
                        PromptSetKind.RED_TEAM,
                        PromptFormat.PLAIN_TEXT,
                        PromptExtraction.FIRST_HUMAN_TURN,
                        "demo.txt"),
                new ByteArrayInputStream(String.join("\n", chosen).getBytes(StandardCharsets.UTF_8))));

        Run run = runs.start(RunConfig.of(SlCaiService.RUN_TYPE, "demo SL-CAI " + suffix)
                .withPromptSet(PromptSetId.of(set.id()))
                .withConstitution(ConstitutionChoice.of(version))
                .withModelSnapshots(List.of(String.valueOf(demo.id())))
                .withSampling(new RunConfig.Sampling(1.0, 1.0, 96))
                .withSeed(7)
                .withParameter(SlCaiParameters.ROUNDS, "1"));
        long start = System.nanoTime();
        RunSummary finished =
                SlCaiTestData.await(runs, run.id(), s -> s.run().state().isTerminal(), Duration.ofMinutes(4));
        assertThat(finished.run().state()).isEqualTo(RunState.FINISHED);

        List<StoredSample> samples = slCai.samples(run.id(), null, 0, 10);
        assertThat(samples).hasSize(6);
        List<DemoChainReadability.Round> rounds = new ArrayList<>();
        StringBuilder shown = new StringBuilder();
        for (StoredSample stored : samples) {
            CritiqueRevisionChain chain = (CritiqueRevisionChain) stored.sample();
            assertThat(chain.rounds()).hasSize(1);
            assertThat(chain.initialResponse().strip())
                    .as("initial response of chain %d", chain.promptPosition())
                    .isNotEmpty();
            assertThat(DemoChainReadability.hasMarker(chain.initialResponse()))
                    .as("initial response writes no turn of its own: %s", chain.initialResponse())
                    .isFalse();
            ChainRound round = chain.rounds().getFirst();
            String critique = round.critique() == null ? "" : round.critique();
            rounds.add(new DemoChainReadability.Round(critique, round.critiqueTruncated(), round.revision()));
            shown.append(String.format(
                    Locale.ROOT,
                    "%n  Human: %s%n  Assistant: %s%n  Critique: %s%n  Revision: %s",
                    chain.conversation().getLast().content(),
                    chain.initialResponse(),
                    critique,
                    round.revision()));
        }
        DemoChainReadability.Result result = DemoChainReadability.of(rounds);
        System.out.printf(
                Locale.ROOT,
                "demo SL-CAI run (6 prompts, 1 round, 96 new tokens) in %.1f s: %s%s%n",
                (System.nanoTime() - start) / 1e9,
                result,
                shown);
        // Measured (temperature 1, so some rounds miss): critiques end by themselves in 15 of 16 held-out requests at
        // 96 tokens (DemoModelBehaviourTest); revisions readable in 12 of 16 pipeline chains (DemoDirectionBenchmark)
        // and 2 of 3 in this run's first version, whose unreadable one read "Put the egggest cook a low a changes".
        assertThat(result.critiquesFormatted())
                .as("critiques that end by themselves without markers of their own")
                .isGreaterThanOrEqualTo(4);
        assertThat(result.revisionsReadable())
                .as("revisions that are non-empty, write no turns and are made of corpus words")
                .isGreaterThanOrEqualTo(3);
        assertThat(result.corpusWordShare())
                .as("share of critique and revision words that the demo corpus uses")
                .isGreaterThan(0.9);
    }
}
