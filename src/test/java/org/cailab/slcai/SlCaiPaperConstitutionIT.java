package org.cailab.slcai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.cailab.constitution.ConstitutionChoice;
import org.cailab.constitution.ConstitutionContent;
import org.cailab.constitution.ConstitutionService;
import org.cailab.constitution.ImportedVersion;
import org.cailab.constitution.PaperData;
import org.cailab.constitution.SlPrinciple;
import org.cailab.model.ModelRegistry;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunState;
import org.cailab.pipeline.RunSummary;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetKind;
import org.cailab.promptset.PromptSetService;
import org.cailab.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A newcomer imports the paper's own files (as the constitution README says) and runs SL-CAI on them: the run draws
 * the paper's principles, with the paper's critique requests, in the paper's pair layout.
 */
@WithMockUser(username = "researcher", roles = "RESEARCHER")
class SlCaiPaperConstitutionIT extends IntegrationTest {

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
    void anImportedPaperConstitutionDrivesAnSlCaiRun() throws Exception {
        Path principles = PaperData.file("prompts/CritiqueRevisionInstructions.json");
        Path fewShots = PaperData.file("prompts/CritiqueRevisionFewShotPrompts.json");
        String name = "paper-" + UUID.randomUUID().toString().substring(0, 6);
        long version = SlCaiTestData.asAdmin(() -> {
            ImportedVersion first = constitutions.importAsNewConstitution(
                    name, principles.getFileName().toString(), read(principles), null, "the paper's SL principles");
            return constitutions
                    .importAsNewVersion(
                            first.version().id(),
                            fewShots.getFileName().toString(),
                            read(fewShots),
                            null,
                            "the paper's critique few-shots")
                    .version()
                    .id();
        });
        ConstitutionContent content = constitutions.version(version).content();
        assertThat(content.enabledSlPrinciples())
                .extracting(SlPrinciple::key)
                .containsExactlyElementsOf(
                        IntStream.range(0, 16).mapToObj(i -> "harmful" + i).toList());
        assertThat(content.critiqueExamples()).hasSize(5);

        SlCaiTestData.model(registry);
        PromptSet set = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, 3);
        // one few-shot keeps the tiny model's prompts short; the layout and principles are the paper's
        Run run = runs.start(SlCaiTestData.config("paper constitution", set, 0, 2)
                .withConstitution(ConstitutionChoice.parse(name + " v2"))
                .withParameter(SlCaiParameters.FEW_SHOT_EXAMPLES, "1"));
        assertThat(run.config().constitution()).isEqualTo(ConstitutionChoice.of(version));
        RunSummary done =
                SlCaiTestData.await(runs, run.id(), s -> s.run().state().isTerminal(), Duration.ofMinutes(3));
        assertThat(done.run().state()).isEqualTo(RunState.FINISHED);
        assertThat(done.progress().done()).isEqualTo(3);

        List<StoredSample> samples = slCai.samples(run.id(), null, 0, 10);
        assertThat(samples).hasSize(3).allSatisfy(stored -> {
            CritiqueRevisionChain chain = (CritiqueRevisionChain) stored.sample();
            assertThat(chain.layout()).isEqualTo(ChainLayout.PAIR);
            assertThat(chain.generation().constitutionVersion()).isEqualTo(name + " v2");
            assertThat(chain.generation().fewShotExamples()).isEqualTo(1);
            assertThat(chain.rounds()).hasSize(2).allSatisfy(round -> {
                SlPrinciple principle = content.enabledSlPrinciples().stream()
                        .filter(p -> p.key().equals(round.principleKey()))
                        .findFirst()
                        .orElseThrow();
                assertThat(round.critiqueRequest()).isEqualTo(principle.critiqueRequest());
                assertThat(round.revisionRequest()).isEqualTo(principle.revisionRequest());
            });
        });
        assertThat(slCai.run(run.id()).parameters().layout()).isEqualTo(ChainLayout.PAIR);
        assertThat(slCai.trainingExamples(List.of(run.id().value()), 2, true)).hasSize(3 * 2);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
