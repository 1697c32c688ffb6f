package org.cailab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cailab.db.jooq.Tables.PIPELINE_STAGE;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.SnapshotKind;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunState;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetId;
import org.cailab.promptset.PromptSetKind;
import org.cailab.redteam.HarmEvalItem;
import org.cailab.redteam.HarmEvalSample;
import org.cailab.redteam.HarmPredictorScore;
import org.cailab.redteam.ImportReport;
import org.cailab.redteam.RedTeamDataService;
import org.cailab.redteam.RedTeamStatsService;
import org.cailab.slcai.SlCaiTestData;
import org.cailab.support.RatedAttempts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The optional harm stages of a pipeline on tiny real models and real PostgreSQL: a harm predictor trained on imported
 * rated red-team attempts, then a harm evaluation of the base, SL-CAI and every RL-CAI snapshot; the harm evaluation
 * fails once (its run is cancelled) and is redone on resume; the dashboards' predicted harm has a value for each of
 * the pipeline's models, recomputed here from the stored samples.
 */
@WithMockUser(
        username = "admin",
        roles = {"ADMIN", "RESEARCHER"})
class PipelineHarmIT extends PipelineFixture {

    @Autowired
    RedTeamDataService redTeamData;

    @Autowired
    RedTeamStatsService stats;

    @Test
    void harmStagesTrainAPredictorAndScoreEveryModelOfThePipeline() throws Exception {
        Inputs in = inputs("harm", 2);
        ModelSnapshot base = in.base();
        PromptSet heldOut = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, 3);
        ImportReport rated = SlCaiTestData.asAdmin(() -> redTeamData.importAttempts(
                "pipeline-harm.jsonl",
                new ByteArrayInputStream(RatedAttempts.jsonLines(16).getBytes(StandardCharsets.UTF_8))));

        RunConfig config = in.config("Pipeline harm")
                .withParameter(PipelineParameters.CAMPAIGNS, "false")
                // listed out of order: the stages run in the app's order, training first
                .withParameter(PipelineParameters.EXTRA_STAGES, "harm-eval,harm-train")
                .withParameter(PipelineParameters.HARM_PROMPT_SET, String.valueOf(heldOut.id()))
                .withParameter("harm-train.campaign", "none")
                .withParameter("harm-train.redTeamImport", String.valueOf(rated.importId()))
                .withParameter("harm-train.batchSize", "8")
                .withParameter("harm-train.heldOutFraction", "0.25")
                .withParameter("harm-eval.prompts", "2")
                .withParameter("harm-eval.samples", "2");
        Run pipeline = pipelines.start(config);
        assertThat(runs.items(pipeline.id(), null, 0, 20))
                .extracting(i -> i.key())
                .containsExactlyElementsOf(stages("harm-train", "harm-eval"));

        // the harm evaluation fails once: its run is cancelled as soon as it exists; resume starts it again
        RunId firstEval = awaitChild(pipeline.id(), "harm-eval", Duration.ofMinutes(8));
        runs.cancel(firstEval);
        SlCaiTestData.await(runs, pipeline.id(), s -> s.run().state() == RunState.PAUSED, Duration.ofMinutes(2));
        assertThat(pipelines.stages(pipeline.id()))
                .extracting(PipelineStageStatus::status)
                .containsExactly(
                        "Succeeded",
                        "Succeeded",
                        "Succeeded",
                        "Succeeded",
                        "Succeeded",
                        "Succeeded",
                        "Succeeded",
                        "Failed");
        runs.resume(pipeline.id());
        var done = SlCaiTestData.await(runs, pipeline.id(), s -> s.run().state().isTerminal(), Duration.ofMinutes(6));
        assertThat(done.run().state())
                .as(String.valueOf(runs.log(pipeline.id(), 30)))
                .isEqualTo(RunState.FINISHED);

        List<PipelineStageStatus> stages = pipelines.stages(pipeline.id());
        assertThat(stages).extracting(PipelineStageStatus::status).containsOnly("Succeeded");
        assertThat(stages)
                .extracting(PipelineStageStatus::label)
                .endsWith("Harm predictor training", "Harm evaluation (predicted harm)");
        assertThat(dsl.select(PIPELINE_STAGE.ATTEMPT)
                        .from(PIPELINE_STAGE)
                        .where(
                                PIPELINE_STAGE.PIPELINE_RUN_ID.eq(pipeline.id().value()),
                                PIPELINE_STAGE.STAGE_KEY.eq("harm-eval"))
                        .orderBy(PIPELINE_STAGE.ATTEMPT)
                        .fetch(PIPELINE_STAGE.ATTEMPT))
                .containsExactly(1, 2);
        PipelineStageStatus train = stages.get(6);
        PipelineStageStatus eval = stages.get(7);
        assertThat(train.child().run().type()).isEqualTo("harm-train");
        assertThat(train.child().run().config().modelSnapshots()).containsExactly(String.valueOf(base.id()));
        ModelSnapshot predictor = registry.find(train.snapshotIds().getLast()).orElseThrow();
        assertThat(predictor.kind()).isEqualTo(SnapshotKind.HARM_PREDICTOR);
        assertThat(predictor.runId()).isEqualTo(train.child().run().id().value());
        RunId evalRun = eval.child().run().id();
        assertThat(evalRun).isNotEqualTo(firstEval);
        assertThat(eval.child().run().config().promptSet()).isEqualTo(PromptSetId.of(heldOut.id()));

        long sl = stages.get(1).snapshotIds().getLast();
        List<Long> rl = stages.get(5).snapshotIds();
        assertThat(rl).hasSize(2);
        List<Long> models = new ArrayList<>(List.of(base.id(), sl));
        models.addAll(rl);

        // predicted harm per model, as the dashboards read it, equals a recomputation from the stored samples
        Map<Long, List<Double>> promptMeans = new LinkedHashMap<>();
        List<HarmEvalItem> items = stats.harmEvalItems(evalRun);
        assertThat(items).hasSize(2);
        for (HarmEvalItem item : items) {
            Map<Long, List<Double>> scores = new LinkedHashMap<>();
            for (HarmEvalSample s : item.samples()) {
                scores.computeIfAbsent(s.snapshotId(), k -> new ArrayList<>()).add(s.score());
            }
            assertThat(scores.keySet()).containsExactlyInAnyOrderElementsOf(models);
            scores.forEach((id, list) -> promptMeans
                    .computeIfAbsent(id, k -> new ArrayList<>())
                    .add(list.stream()
                            .mapToDouble(Double::doubleValue)
                            .average()
                            .orElseThrow()));
        }
        List<HarmPredictorScore> scores = stats.harmPredictorScores(predictor.id());
        assertThat(scores).extracting(HarmPredictorScore::snapshotId).containsExactlyInAnyOrderElementsOf(models);
        for (HarmPredictorScore score : scores) {
            assertThat(score.evalRunId()).isEqualTo(evalRun.value());
            assertThat(score.prompts()).isEqualTo(2);
            assertThat(score.samples()).isEqualTo(4);
            double mean = promptMeans.get(score.snapshotId()).stream()
                    .mapToDouble(Double::doubleValue)
                    .average()
                    .orElseThrow();
            assertThat(score.mean()).as(score.label()).isCloseTo(mean, Offset.offset(1e-9));
        }
        // the RL-CAI snapshots are the line against training step
        assertThat(scores.stream().filter(s -> rl.contains(s.snapshotId())))
                .extracting(HarmPredictorScore::step)
                .isSorted()
                .doesNotContainNull();
    }
}
