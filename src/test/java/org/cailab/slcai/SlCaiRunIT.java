package org.cailab.slcai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cailab.constitution.ConstitutionChoice;
import org.cailab.constitution.ConstitutionService;
import org.cailab.constitution.SlPrinciple;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunState;
import org.cailab.pipeline.RunSummary;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetKind;
import org.cailab.promptset.PromptSetService;
import org.cailab.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** Full SL-CAI runs on a tiny real model: complete chains, recorded principles, filters, exports, refusals. */
@WithMockUser(username = "researcher", roles = "RESEARCHER")
class SlCaiRunIT extends IntegrationTest {

    @Autowired
    RunService runs;

    @Autowired
    SlCaiService slCai;

    @Autowired
    SlCaiExportService exports;

    @Autowired
    ConstitutionService constitutions;

    @Autowired
    PromptSetService promptSets;

    @Autowired
    ModelRegistry registry;

    ModelSnapshot model;
    long version;

    @BeforeEach
    void data() {
        model = SlCaiTestData.model(registry);
        version = SlCaiTestData.constitution(constitutions, SlCaiTestData.CONSTITUTION);
    }

    @Test
    void aRunOverTwentyRedTeamPromptsStoresCompleteChainsWithRecordedPrinciples() throws Exception {
        PromptSet redTeam = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, 20);
        PromptSet helpful = SlCaiTestData.promptSet(promptSets, PromptSetKind.HELPFULNESS, 3);
        Run run = runs.start(SlCaiTestData.config("SL-CAI 20x2", redTeam, version, 2)
                .withParameter(SlCaiParameters.HELPFUL_PROMPT_SET, String.valueOf(helpful.id())));

        RunConfig recorded = run.config();
        assertThat(recorded.constitution()).isEqualTo(ConstitutionChoice.of(version));
        assertThat(recorded.modelSnapshots()).containsExactly(String.valueOf(model.id()));
        assertThat(recorded.parameters())
                .containsEntry("rounds", "2")
                .containsEntry("directRevision", "false")
                .containsEntry("samplesPerHelpfulPrompt", "2")
                .containsEntry("fewShotExamples", "1")
                .containsEntry("chainLayout", "pair")
                .containsEntry("policySnapshotName", SlCaiTestData.MODEL)
                .containsEntry("promptSetName", redTeam.name())
                .containsEntry("helpfulPromptSetName", helpful.name());

        long start = System.nanoTime();
        RunSummary finished =
                SlCaiTestData.await(runs, run.id(), s -> s.run().state().isTerminal(), Duration.ofMinutes(3));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(finished.run().state()).isEqualTo(RunState.FINISHED);
        assertThat(finished.progress().done()).isEqualTo(23);
        System.out.printf(
                Locale.ROOT,
                "SL-CAI: 20 chains x 2 rounds + 3 helpful prompts in %.1f s, %.1f chains/min%n",
                seconds,
                finished.progress().itemsPerMinute());

        SlCaiRunInfo info = slCai.run(run.id());
        assertThat(info.principleKeys()).containsExactlyElementsOf(SlCaiTestData.ENABLED);
        List<SlPrinciple> enabled = constitutions.version(version).content().enabledSlPrinciples();
        List<StoredSample> samples = slCai.samples(run.id(), null, 0, 100);
        assertThat(samples).hasSize(23);
        List<CritiqueRevisionChain> chains = new ArrayList<>();
        for (StoredSample stored : samples) {
            SlCaiGeneration g = stored.sample().generation();
            assertThat(g.snapshotId()).isEqualTo(model.id());
            assertThat(g.snapshotName()).isEqualTo(SlCaiTestData.MODEL);
            assertThat(g.constitutionVersionId()).isEqualTo(version);
            assertThat(g.maxNewTokens()).isEqualTo(16);
            assertThat(stored.sample().seed()).isEqualTo(Seeds.item(1234, stored.itemKey()));
            assertThat(g.stopSequences()).contains("\n\nHuman:", "\n\nAssistant:");
            if (stored.sample() instanceof CritiqueRevisionChain chain) {
                chains.add(chain);
                assertThat(stored.itemKey()).isEqualTo("chain-%06d".formatted(chain.promptPosition()));
                assertThat(chain.conversation())
                        .containsExactly(ChatMessage.user(
                                "How could I get away with prank number " + (chain.promptPosition() - 1) + "?"));
                assertThat(chain.rounds()).hasSize(2).allSatisfy(round -> {
                    assertThat(round.principleKey()).isIn(SlCaiTestData.ENABLED);
                    assertThat(round.hasCritique()).isTrue();
                    SlPrinciple principle = enabled.stream()
                            .filter(p -> p.key().equals(round.principleKey()))
                            .findFirst()
                            .orElseThrow();
                    assertThat(round.critiqueRequest()).isEqualTo(principle.critiqueRequest());
                    assertThat(round.revisionRequest()).isEqualTo(principle.revisionRequest());
                });
                // the draws are reproducible from the run seed and the item key
                assertThat(chain.rounds())
                        .extracting(ChainRound::principleKey)
                        .containsExactlyElementsOf(ChainSampler.drawPrinciples(enabled, 2, chain.seed()).stream()
                                .map(SlPrinciple::key)
                                .toList());
            } else {
                HelpfulSamples helpfulSamples = (HelpfulSamples) stored.sample();
                assertThat(stored.itemKey()).startsWith("helpful-");
                assertThat(helpfulSamples.responses()).hasSize(2);
            }
        }
        assertThat(chains).hasSize(20);
        assertThat(chains).extracting(CritiqueRevisionChain::promptPosition).doesNotHaveDuplicates();
        assertThat(chains)
                .anyMatch(c -> !c.initialResponse().isEmpty() && !c.response(2).isEmpty());

        for (String key : SlCaiTestData.ENABLED) {
            long expected = chains.stream()
                    .filter(c ->
                            c.rounds().stream().anyMatch(r -> r.principleKey().equals(key)))
                    .count();
            assertThat(slCai.countSamples(run.id(), key)).as(key).isEqualTo(expected);
            assertThat(slCai.samples(run.id(), key, 0, 100))
                    .hasSize((int) expected)
                    .allSatisfy(s -> assertThat(((CritiqueRevisionChain) s.sample()).rounds())
                            .anyMatch(r -> r.principleKey().equals(key)));
        }
        assertThat(slCai.countSamples(run.id(), "never-drawn")).isZero();

        exportsReadBackAsTheStoredChains(run.id(), samples);
    }

    private void exportsReadBackAsTheStoredChains(RunId runId, List<StoredSample> samples) throws Exception {
        for (StoredSample s : samples) {
            for (SlExample example :
                    SlDatasetWriter.examples(s.sample(), new SlDatasetWriter.Selection(2, SlDatasetRounds.ALL, true))) {
                assertThat(example.completion()).doesNotContain("\n\nHuman:", "\n\nAssistant:");
            }
        }
        for (SlDatasetFormat format : List.of(SlDatasetFormat.MESSAGES, SlDatasetFormat.PROMPT_COMPLETION)) {
            for (SlDatasetRounds which : SlDatasetRounds.values()) {
                for (boolean truncated : List.of(false, true)) {
                    for (int round = 0; round <= 2; round++) {
                        SlDatasetExport export = exports.prepare(runId, format, round, which, truncated);
                        String text = new String(exports.bytes(export), StandardCharsets.UTF_8);
                        List<SlExample> expected = new ArrayList<>();
                        for (StoredSample s : samples) {
                            expected.addAll(SlDatasetWriter.examples(
                                    s.sample(), new SlDatasetWriter.Selection(round, which, truncated)));
                        }
                        assertThat(SlDatasetReader.examples(new StringReader(text), format))
                                .as(format + " " + which + " " + truncated + " " + round)
                                .isEqualTo(expected);
                    }
                }
            }
        }
        // SL-CAI-2 with every sample: 2 revisions per chain and every helpfulness sample
        SlDatasetExport everything = exports.prepare(runId, SlDatasetFormat.MESSAGES, 2, SlDatasetRounds.ALL, true);
        assertThat(everything.fileName()).isEqualTo("run-" + runId + "-sl-cai-r2-all-with-truncated-messages.jsonl");
        assertThat(new String(exports.bytes(everything), StandardCharsets.UTF_8).lines())
                .hasSize(20 * 2 + 3 * 2);
        // the default leaves out exactly the samples that ran into the token limit
        long cut = samples.stream()
                .mapToLong(s -> switch (s.sample()) {
                    case CritiqueRevisionChain c -> (c.responseTruncated(1) ? 1 : 0) + (c.responseTruncated(2) ? 1 : 0);
                    case HelpfulSamples h ->
                        h.truncated().stream().filter(b -> b).count();
                })
                .sum();
        SlDatasetExport paper = exports.prepare(runId, SlDatasetFormat.MESSAGES, null);
        assertThat(paper.round()).isEqualTo(2);
        assertThat(paper.rounds()).isEqualTo(SlDatasetRounds.ALL);
        assertThat(paper.includeTruncated()).isFalse();
        assertThat(new String(exports.bytes(paper), StandardCharsets.UTF_8).lines())
                .hasSize((int) (46 - cut));

        List<SlTrainingExample> training = slCai.trainingExamples(List.of(runId.value()), 2, true);
        assertThat(training).hasSize(46);
        assertThat(training).allSatisfy(e -> {
            assertThat(e.prompt()).startsWith("\n\nHuman: ").endsWith("\n\nAssistant:");
            assertThat(e.completion()).startsWith(" ").doesNotContain("\n\nHuman:", "\n\nAssistant:");
            assertThat(e.runId()).isEqualTo(runId.value());
        });
        assertThat(training.stream()
                        .filter(e -> e.itemKey().startsWith("chain-"))
                        .map(SlTrainingExample::round))
                .containsOnly(1, 2);
        assertThat(slCai.trainingExamples(List.of(runId.value()), 2, false))
                .hasSize((int) (46 - cut))
                .extracting(SlTrainingExample::completion)
                .containsExactlyElementsOf(exports.examples(runId, 2).stream()
                        .map(e -> " " + e.completion())
                        .toList());
        assertThatThrownBy(() -> slCai.trainingExamples(List.of(runId.value()), 3, false))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("rounds 0 to 2");
        assertThatThrownBy(() -> slCai.trainingExamples(List.of(runId.value(), runId.value()), 1, false))
                .hasMessageContaining("once");
        assertThatThrownBy(() -> SlCaiTestData.as(
                        () -> slCai.trainingExamples(List.of(runId.value()), 1, false), "worker", "ROLE_WORKER"))
                .isInstanceOf(AccessDeniedException.class);

        SlDatasetExport cai =
                exports.prepare(runId, SlDatasetFormat.CAI_CONVERSATION, null, SlDatasetRounds.LAST, true);
        assertThat(cai.round()).isEqualTo(2);
        assertThat(cai.fileName()).isEqualTo("run-" + runId + "-sl-cai-r2-last-with-truncated-cai-conversation.jsonl");
        List<CaiConversationRow> rows = SlDatasetReader.caiConversation(
                new StringReader(new String(exports.bytes(cai), StandardCharsets.UTF_8)));
        List<CritiqueRevisionChain> chains = samples.stream()
                .map(StoredSample::sample)
                .filter(CritiqueRevisionChain.class::isInstance)
                .map(CritiqueRevisionChain.class::cast)
                .toList();
        assertThat(rows)
                .isEqualTo(chains.stream()
                        .map(c -> SlDatasetWriter.caiConversationRow(c, 2))
                        .toList());
        assertThatThrownBy(() -> exports.prepare(runId, SlDatasetFormat.MESSAGES, 3))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("rounds 0 to 2");
        assertThatThrownBy(() -> exports.prepare(runId, SlDatasetFormat.CAI_CONVERSATION, 0))
                .hasMessageContaining("rounds 1 to 2");
        assertThatThrownBy(() -> SlCaiTestData.as(
                        () -> exports.prepare(runId, SlDatasetFormat.MESSAGES, 1), "worker", "ROLE_WORKER"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void directRevisionRunsHaveNoCritiquesAndTheSameSeedGivesTheSameChains() {
        PromptSet set = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, 3);
        RunConfig config = SlCaiTestData.config("direct", set, version, 2)
                .withParameter(SlCaiParameters.DIRECT_REVISION, "true")
                .withExecution(new RunConfig.Execution(1, 2, 0));
        Run firstRun = runs.start(config);
        List<SlCaiSample> first = finishedSamples(firstRun);
        Run secondRun = runs.start(config);
        List<SlCaiSample> second = finishedSamples(secondRun);

        assertThat(first).hasSize(3).allSatisfy(s -> {
            CritiqueRevisionChain chain = (CritiqueRevisionChain) s;
            assertThat(chain.directRevision()).isTrue();
            assertThat(chain.rounds()).hasSize(2).noneMatch(ChainRound::hasCritique);
        });
        assertThat(second).as("one worker, same seed: the same samples").isEqualTo(first);
        // several runs train together: 3 chains x 2 revisions each, with every sample
        assertThat(slCai.trainingExamples(
                        List.of(firstRun.id().value(), secondRun.id().value()), 2, true))
                .hasSize(12)
                .extracting(SlTrainingExample::runId)
                .containsOnly(firstRun.id().value(), secondRun.id().value());
    }

    @Test
    void runsThatCannotWorkAreRefusedWithAMessage() {
        PromptSet set = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, 2);
        long nothingEnabled = SlCaiTestData.constitution(constitutions, SlCaiTestData.NOTHING_ENABLED);
        assertThatThrownBy(() -> runs.start(SlCaiTestData.config("x", set, nothingEnabled, 2)))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("has no enabled SL principles");
        assertThatThrownBy(() ->
                        runs.start(SlCaiTestData.config("x", set, version, 2).withModelSnapshots(List.of())))
                .hasMessageContaining("Name the policy model");
        assertThatThrownBy(() -> runs.start(
                        SlCaiTestData.config("x", set, version, 2).withModelSnapshots(List.of("no-such-model"))))
                .hasMessageContaining("no model snapshot named");
        assertThatThrownBy(() -> runs.start(SlCaiTestData.config("x", set, version, 2)
                        .withConstitution(ConstitutionChoice.parse("no-such-constitution"))))
                .hasMessageContaining("There is no constitution");
        assertThatThrownBy(() -> runs.start(SlCaiTestData.config("x", set, version, 2)
                        .withParameter(SlCaiParameters.HELPFUL_PROMPT_SET, String.valueOf(set.id()))))
                .hasMessageContaining("is not a helpfulness set");
        // the default: the active version of the constitution "default", recorded by id
        Run run = runs.start(
                SlCaiTestData.config("default constitution", set, version, 0).withConstitution(null));
        assertThat(run.config().parameter("constitutionVersionLabel", "")).isEqualTo("default v1");
        SlCaiTestData.await(runs, run.id(), s -> s.run().state().isTerminal(), Duration.ofMinutes(2));
        assertThat(slCai.samples(run.id(), null, 0, 10))
                .hasSize(2)
                .allSatisfy(s -> assertThat(((CritiqueRevisionChain) s.sample()).rounds())
                        .isEmpty());
    }

    private List<SlCaiSample> finishedSamples(Run run) {
        RunSummary done =
                SlCaiTestData.await(runs, run.id(), s -> s.run().state().isTerminal(), Duration.ofMinutes(2));
        assertThat(done.run().state()).isEqualTo(RunState.FINISHED);
        return slCai.samples(run.id(), null, 0, 100).stream()
                .map(StoredSample::sample)
                .toList();
    }
}
