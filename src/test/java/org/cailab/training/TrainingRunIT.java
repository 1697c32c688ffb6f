package org.cailab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cailab.constitution.ConstitutionService;
import org.cailab.dialogue.Conversation;
import org.cailab.feedback.PairImportRequest;
import org.cailab.feedback.PairTask;
import org.cailab.feedback.PreferencePairService;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.SnapshotKind;
import org.cailab.model.engine.PreferenceModel;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunState;
import org.cailab.pipeline.RunSummary;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetKind;
import org.cailab.promptset.PromptSetService;
import org.cailab.slcai.SlCaiTestData;
import org.cailab.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * SL finetuning and preference-model runs end to end on a tiny real model, the real database and the real
 * preference-pair store (pairs imported as hh-rlhf files).
 */
@WithMockUser(username = "researcher", roles = "RESEARCHER")
class TrainingRunIT extends IntegrationTest {

    @Autowired
    RunService runs;

    @Autowired
    TrainingService training;

    @Autowired
    ModelRegistry registry;

    @Autowired
    ConstitutionService constitutions;

    @Autowired
    PromptSetService promptSets;

    @Autowired
    PreferencePairService pairs;

    @Test
    void slFinetuningOnAnSlCaiRunLowersHeldOutLossAndRegistersTheModelWithLineage() throws Exception {
        ModelSnapshot base = SlCaiTestData.model(registry);
        long version = SlCaiTestData.constitution(constitutions, SlCaiTestData.CONSTITUTION);
        PromptSet set = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, 10);
        Run slCai = runs.start(SlCaiTestData.config("sl-cai for finetuning", set, version, 1));
        assertThat(SlCaiTestData.await(runs, slCai.id(), s -> s.run().state().isTerminal(), Duration.ofMinutes(4))
                        .run()
                        .state())
                .isEqualTo(RunState.FINISHED);

        Run run = runs.start(RunConfig.of(SlFinetuningStage.TYPE, "SL-CAI-1 tiny")
                .withModelSnapshots(List.of(SlCaiTestData.MODEL))
                .withSeed(5)
                .withParameter(SlFinetuningStage.SL_CAI_RUNS, String.valueOf(slCai.id()))
                .withParameter(SlFinetuningStage.ROUND, "1")
                .withParameter(SlFinetuningStage.INCLUDE_TRUNCATED, "true") // 16-token samples mostly hit the limit
                .withParameter(TrainingSettings.LEARNING_RATE, "0.003")
                .withParameter(TrainingSettings.BATCH, "2")
                .withParameter(TrainingSettings.MICRO_BATCH, "2")
                .withParameter(TrainingSettings.EPOCHS, "4")
                .withParameter(TrainingSettings.HELD_OUT, "0.2")
                .withParameter(TrainingSettings.CHECKPOINT_EVERY, "5")
                .withParameter(TrainingSettings.EVAL_EVERY, "4"));
        assertThat(run.config().modelSnapshots()).containsExactly(String.valueOf(base.id()));
        assertThat(run.config().parameters())
                .containsEntry(TrainingSettings.SCHEDULE, "constant")
                .containsEntry(TrainingPlans.BASE_NAME, SlCaiTestData.MODEL);

        RunSummary done =
                SlCaiTestData.await(runs, run.id(), s -> s.run().state().isTerminal(), Duration.ofMinutes(4));
        assertThat(done.run().state()).isEqualTo(RunState.FINISHED);
        TrainingProgress progress = training.progress(run.id());
        int total = 4 * 4; // 8 training examples (10 chains, 2 held out) in batches of 2, 4 epochs
        assertThat(progress.totalSteps()).isEqualTo(total);
        assertThat(progress.train()).extracting(TrainingPoint::step).containsExactlyElementsOf(range(1, total));
        assertThat(progress.heldOut()).extracting(TrainingPoint::step).containsExactly(0, 4, 8, 12, 16);
        assertThat(progress.heldOut().getLast().loss())
                .isLessThan(progress.heldOut().getFirst().loss());
        assertThat(progress.tokensPerSecond()).isPositive();
        assertThat(progress.checkpoints()).extracting(TrainingCheckpoint::step).containsExactly(5, 10, 15, 16);

        TrainingCheckpoint last = progress.checkpoints().getLast();
        assertThat(last.last()).isTrue();
        ModelSnapshot snapshot = registry.find(last.snapshotId()).orElseThrow();
        assertThat(snapshot.kind()).isEqualTo(SnapshotKind.SL_CAI);
        assertThat(snapshot.parentId()).isEqualTo(base.id());
        assertThat(snapshot.runId()).isEqualTo(run.id().value());
        assertThat(snapshot.step()).isEqualTo(total);
        assertThat(Path.of(snapshot.location())).isDirectory();

        ModelSnapshot marked = training.registerCheckpoint(run.id(), 10);
        assertThat(marked.step()).isEqualTo(10);
        assertThat(training.registerCheckpoint(run.id(), 10).id()).isEqualTo(marked.id());
        assertThat(training.progress(run.id()).checkpoints().get(1).snapshotId())
                .isEqualTo(marked.id());
    }

    @Test
    void aPreferenceModelRunLearnsTheMarkerPreferenceAndRegistersAPreferenceModel() throws Exception {
        ModelSnapshot base = SlCaiTestData.model(registry);
        long harmless = importMarkerPairs(PairTask.HARMLESSNESS, 1);
        long helpful = importMarkerPairs(PairTask.HELPFULNESS, 2);
        Run run = runs.start(RunConfig.of(PreferenceModelStage.TYPE, "PM tiny")
                .withModelSnapshots(List.of(String.valueOf(base.id())))
                .withSeed(3)
                .withParameter(PreferenceModelStage.HARMLESS_SOURCE, "HUMAN_IMPORT")
                .withParameter(PreferenceModelStage.HARMLESS_RUNS, String.valueOf(harmless))
                .withParameter(PreferenceModelStage.HELPFUL_SOURCE, "HUMAN_IMPORT")
                .withParameter(PreferenceModelStage.HELPFUL_RUNS, String.valueOf(helpful))
                .withParameter(PreferenceModelStage.HARMLESS_SHARE, "0.5")
                .withParameter(TrainingSettings.LEARNING_RATE, "0.002")
                .withParameter(TrainingSettings.BATCH, "8")
                .withParameter(TrainingSettings.EPOCHS, "10")
                .withParameter(TrainingSettings.HELD_OUT, "0.2")
                .withParameter(TrainingSettings.CHECKPOINT_EVERY, "20")
                .withParameter(TrainingSettings.EVAL_EVERY, "10"));
        RunSummary done =
                SlCaiTestData.await(runs, run.id(), s -> s.run().state().isTerminal(), Duration.ofMinutes(5));
        assertThat(done.run().state()).isEqualTo(RunState.FINISHED);
        TrainingProgress progress = training.progress(run.id());
        TrainingPoint lastEval = progress.heldOut().getLast();
        assertThat(lastEval.accuracy()).isGreaterThan(0.9);
        TrainingCheckpoint last = progress.checkpoints().getLast();
        assertThat(last.hhhAccuracy()).as("no HHH file configured").isNull();
        assertThat(done.run().config().parameters())
                .containsEntry(PreferenceModelStage.HARMLESS_RUNS, String.valueOf(harmless));
        ModelSnapshot pm = registry.find(last.snapshotId()).orElseThrow();
        assertThat(pm.kind()).isEqualTo(SnapshotKind.PREFERENCE_MODEL);
        assertThat(pm.parentId()).isEqualTo(base.id());
        assertThat(Files.readString(Path.of(pm.location(), "config.json"))).contains("LlamaForSequenceClassification");
        try (PreferenceModel model = PreferenceModel.load(Path.of(pm.location()))) {
            String conversation = Conversation.singleTurnPrompt("Tell me about chore number 3?");
            float[] scores = model.score(
                    List.of(conversation, conversation),
                    List.of(" Sure, kindly do it now.", " Sure, often do it now."));
            assertThat(scores[0]).isGreaterThan(scores[1]);
        }
    }

    @Test
    @WithMockUser(username = "worker", roles = "WORKER")
    void workersCannotReadTrainingRuns() {
        assertThatThrownBy(() -> training.progress(new RunId(1))).isInstanceOf(AccessDeniedException.class);
    }

    /**
     * Imports 40 hh-rlhf style pairs: the same answer with "kindly" (chosen) or "often" (rejected) at the same place.
     */
    private long importMarkerPairs(PairTask task, long seed) throws Exception {
        Random random = new Random(seed);
        String[] verbs = {"do it now", "ask a friend", "start early", "take a break", "write it down"};
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            String human = "\n\nHuman: Tell me about chore number " + (seed * 100 + i) + "?\n\nAssistant:";
            String verb = verbs[random.nextInt(verbs.length)];
            file.append(tools.jackson.databind.json.JsonMapper.shared()
                            .writeValueAsString(java.util.Map.of(
                                    "chosen", human + " Sure, kindly " + verb + ".",
                                    "rejected", human + " Sure, often " + verb + ".")))
                    .append('\n');
        }
        return pairs.importHumanPairs(
                        new PairImportRequest(
                                "marker " + task + " " + java.util.UUID.randomUUID(), task, "marker.jsonl"),
                        new java.io.ByteArrayInputStream(
                                file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .id();
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(i);
        }
        return out;
    }
}
