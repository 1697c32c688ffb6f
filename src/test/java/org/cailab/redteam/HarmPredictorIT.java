package org.cailab.redteam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.data.Offset;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.NewSnapshot;
import org.cailab.model.SnapshotKind;
import org.cailab.model.engine.PreferenceModel;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunState;
import org.cailab.pipeline.RunSummary;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetId;
import org.cailab.promptset.PromptSetKind;
import org.cailab.promptset.PromptSetService;
import org.cailab.slcai.SlCaiTestData;
import org.cailab.support.IntegrationTest;
import org.cailab.support.TinyModelFixture;
import org.cailab.training.TrainingCheckpoint;
import org.cailab.training.TrainingPoint;
import org.cailab.training.TrainingProgress;
import org.cailab.training.TrainingService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The absolute harm predictor end to end on tiny real models and the real database: a harm-train run on imported
 * red-team attempts whose rating is set by a word in the answer, then a harm-eval run scoring two snapshots' sampled
 * answers, whose stored scores and summaries are recomputed here from the stored items.
 */
@WithMockUser(username = "researcher", roles = "RESEARCHER")
class HarmPredictorIT extends IntegrationTest {

    private static final String[] RATING_WORDS = {"hello", "please", "question", "bad", "world"};

    @Autowired
    RunService runs;

    @Autowired
    TrainingService training;

    @Autowired
    ModelRegistry registry;

    @Autowired
    PromptSetService promptSets;

    @Autowired
    RedTeamDataService data;

    @Autowired
    RedTeamStatsService stats;

    @Test
    void trainsAHarmPredictorOnImportedRatingsAndEvaluatesSnapshotsWithIt() throws Exception {
        ModelSnapshot base = SlCaiTestData.model(registry);
        // an import is attributed to a stored user (the test's researcher is only a mock)
        ImportReport imported = SlCaiTestData.asAdmin(() -> data.importAttempts(
                "synthetic_red_team.jsonl",
                new ByteArrayInputStream(syntheticAttempts(200).getBytes(StandardCharsets.UTF_8))));

        Run train = runs.start(RunConfig.of("harm-train", "harm predictor tiny")
                .withModelSnapshots(List.of(String.valueOf(base.id())))
                .withSeed(11)
                .withParameter("campaign", "none")
                .withParameter("redTeamImport", String.valueOf(imported.importId()))
                .withParameter("learningRate", "0.003")
                .withParameter("batchSize", "8")
                .withParameter("epochs", "6")
                .withParameter("heldOutFraction", "0.2")
                .withParameter("checkpointEvery", "50")
                .withParameter("evalEvery", "20"));
        assertThat(train.config().parameters())
                .containsEntry("importIds", String.valueOf(imported.importId()))
                .containsEntry("campaignIds", "");
        RunSummary trained =
                SlCaiTestData.await(runs, train.id(), s -> s.run().state().isTerminal(), Duration.ofMinutes(8));
        assertThat(trained.run().state()).isEqualTo(RunState.FINISHED);
        TrainingProgress progress = training.progress(train.id());
        TrainingPoint first = progress.heldOut().getFirst();
        TrainingPoint last = progress.heldOut().getLast();
        assertThat(last.step())
                .isEqualTo(progress.totalSteps())
                .isEqualTo(6 * 20); // 160 training attempts, batches of 8
        assertThat(last.rankCorrelation())
                .as("held-out Spearman (before: %s)", first.rankCorrelation())
                .isGreaterThan(0.8);
        assertThat(last.loss()).as("held-out MSE").isLessThan(first.loss());
        TrainingCheckpoint finalCheckpoint = progress.checkpoints().getLast();
        ModelSnapshot predictor = registry.find(finalCheckpoint.snapshotId()).orElseThrow();
        assertThat(predictor.kind()).isEqualTo(SnapshotKind.HARM_PREDICTOR);
        assertThat(predictor.parentId()).isEqualTo(base.id());
        assertThat(predictor.runId()).isEqualTo(train.id().value());
        assertThat(predictor.step()).isEqualTo((long) progress.totalSteps());

        // harm evaluation of two snapshots: the base and a second tiny model that a run "produced" at step 40
        ModelSnapshot other = SlCaiTestData.asAdmin(() -> registry.register(NewSnapshot.local(
                "harm-eval other " + UUID.randomUUID(),
                SnapshotKind.PRETRAINED,
                TinyModelFixture.create("harm-eval", 91).toString())));
        PromptSet prompts = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, 6);
        Run eval = runs.start(RunConfig.of("harm-eval", "harm eval tiny")
                .withPromptSet(PromptSetId.of(prompts.id()))
                .withSampling(new RunConfig.Sampling(1.0, 1.0, 8))
                .withSeed(21)
                .withExecution(new RunConfig.Execution(2, 2, 0))
                .withParameter("predictor", predictor.name())
                .withParameter("snapshot1", base.name())
                .withParameter("snapshot2", String.valueOf(other.id()))
                .withParameter("prompts", "4")
                .withParameter("samples", "3"));
        RunSummary evaluated =
                SlCaiTestData.await(runs, eval.id(), s -> s.run().state().isTerminal(), Duration.ofMinutes(5));
        assertThat(evaluated.run().state()).isEqualTo(RunState.FINISHED);

        List<HarmEvalItem> items = stats.harmEvalItems(eval.id());
        assertThat(items)
                .extracting(HarmEvalItem::position)
                .containsExactlyInAnyOrder(1, 2, 3, 4); // positions count from 1
        Set<String> keys = new HashSet<>();
        Map<Long, List<Double>> promptMeans = new LinkedHashMap<>();
        try (PreferenceModel model = PreferenceModel.load(Path.of(predictor.location()))) {
            for (HarmEvalItem item : items) {
                assertThat(item.samples()).hasSize(2 * 3);
                assertThat(item.conversation()).endsWith("\n\nAssistant:");
                List<String> conversations = new ArrayList<>();
                List<String> responses = new ArrayList<>();
                Map<Long, Double> sums = new LinkedHashMap<>();
                for (HarmEvalSample s : item.samples()) {
                    assertThat(keys.add(item.position() + "/" + s.snapshotId() + "/" + s.sample()))
                            .as("one sample per prompt, snapshot and index")
                            .isTrue();
                    conversations.add(item.conversation());
                    responses.add(s.response());
                    sums.merge(s.snapshotId(), s.score() / 3, Double::sum);
                }
                // every stored score is the predictor's score of the stored conversation
                float[] again = model.score(conversations, responses);
                for (int i = 0; i < again.length; i++) {
                    assertThat(item.samples().get(i).score()).isCloseTo(again[i], Offset.offset(1e-4));
                }
                sums.forEach((id, mean) ->
                        promptMeans.computeIfAbsent(id, k -> new ArrayList<>()).add(mean));
            }
        }
        assertThat(promptMeans.keySet()).containsExactlyInAnyOrder(base.id(), other.id());

        assertThat(stats.harmPredictors()).contains(new HarmPredictorRef(predictor.id(), predictor.name()));
        List<HarmPredictorScore> scores = stats.harmPredictorScores(predictor.id());
        assertThat(scores).hasSize(2);
        for (HarmPredictorScore score : scores) {
            List<Double> means = promptMeans.get(score.snapshotId());
            double mean =
                    means.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertThat(score.evalRunId()).isEqualTo(eval.id().value());
            assertThat(score.prompts()).isEqualTo(4);
            assertThat(score.samples()).isEqualTo(12);
            assertThat(score.mean()).isCloseTo(mean, Offset.offset(1e-9));
            double lowest =
                    means.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double highest =
                    means.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            // a bootstrap mean of prompt means lies between the smallest and the largest prompt mean
            assertThat(score.ciLow()).isBetween(lowest, mean);
            assertThat(score.ciHigh()).isBetween(mean, highest);
        }
        assertThat(stats.harmPredictorScores(base.id()))
                .as("not a predictor of any evaluation")
                .isEmpty();
    }

    /** JSON lines in the shape of hh-rlhf's red-team attempts; the answer's word sets the rating. */
    private static String syntheticAttempts(int n) {
        Random random = new Random(3);
        StringBuilder out = new StringBuilder();
        String[] subjects = {"the model", "the answer", "good help", "the world"};
        for (int i = 0; i < n; i++) {
            int rating = random.nextInt(RATING_WORDS.length);
            String transcript = "\\n\\nHuman: " + subjects[random.nextInt(subjects.length)] + " question " + i
                    + "?\\n\\nAssistant: it is " + RATING_WORDS[rating] + " " + RATING_WORDS[rating] + ".";
            out.append("{\"transcript\": \"")
                    .append(transcript)
                    .append("\", \"rating\": ")
                    .append(rating)
                    .append(".0, \"model_type\": \"synthetic\", \"num_params\": \"tiny\", \"task_description\": \"")
                    .append(UUID.randomUUID())
                    .append("\"}\n");
        }
        return out.toString();
    }
}
