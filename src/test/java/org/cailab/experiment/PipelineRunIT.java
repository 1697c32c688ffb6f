package org.cailab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cailab.db.jooq.Tables.PIPELINE_RUN;
import static org.cailab.db.jooq.Tables.PIPELINE_STAGE;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cailab.comparison.Campaign;
import org.cailab.comparison.CampaignService;
import org.cailab.comparison.Choice;
import org.cailab.comparison.ComparisonService;
import org.cailab.comparison.ComparisonTask;
import org.cailab.constitution.ConstitutionChoice;
import org.cailab.crowdwork.PoolSnapshot;
import org.cailab.dashboard.Frontier;
import org.cailab.dashboard.RatingQuery;
import org.cailab.dashboard.RatingsService;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.NewSnapshot;
import org.cailab.model.SnapshotKind;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunState;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetKind;
import org.cailab.security.Role;
import org.cailab.security.UserService;
import org.cailab.slcai.SlCaiTestData;
import org.cailab.support.Voting;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The whole pipeline on tiny real models and real PostgreSQL: every stage runs as a child run, a stage that fails
 * pauses the pipeline, and resuming it redoes only that stage; the RL-CAI snapshots end up in comparison campaigns.
 * Asserted on database state ({@code pipeline_stage}, {@code pipeline_run}), never on logs.
 */
@WithMockUser(
        username = "admin",
        roles = {"ADMIN", "RESEARCHER"})
class PipelineRunIT extends PipelineFixture {

    private static final List<String> STAGES = stages("campaigns");

    @Autowired
    CampaignService campaigns;

    @Autowired
    UserService users;

    @Autowired
    ComparisonService comparisons;

    @Autowired
    RatingsService ratings;

    @Test
    void aFailedStageIsRedoneOnResumeAndThePipelineEndsWithRlCaiSnapshotsInCampaigns() throws Exception {
        Inputs in = inputs("pipeline", 4);
        ModelSnapshot base = in.base();

        Run pipeline = pipelines.start(in.config("Pipeline tiny"));
        assertThat(runs.items(pipeline.id(), null, 0, 20))
                .extracting(i -> i.key())
                .containsExactlyElementsOf(STAGES);
        assertThat(pipeline.config().execution())
                .as("stages in order: one worker, no retry delay")
                .isEqualTo(new org.cailab.pipeline.RunConfig.Execution(1, 20, 0));

        // the RL stage fails: a researcher cancels its run as soon as it exists
        RunId firstRl = awaitChild(pipeline.id(), "rl-cai", Duration.ofMinutes(5));
        runs.cancel(firstRl);
        SlCaiTestData.await(runs, pipeline.id(), s -> s.run().state() == RunState.PAUSED, Duration.ofMinutes(2));
        Map<String, List<Record>> beforeResume = stageRows(pipeline.id());
        assertThat(beforeResume.keySet()).containsExactlyInAnyOrderElementsOf(STAGES.subList(0, 6));
        for (String key : STAGES.subList(0, 5)) {
            assertThat(beforeResume.get(key))
                    .as(key)
                    .hasSize(1)
                    .allSatisfy(r -> assertThat(r.get(PIPELINE_STAGE.OUTCOME)).isEqualTo("succeeded"));
        }
        assertThat(beforeResume.get("rl-cai")).singleElement().satisfies(r -> {
            assertThat(r.get(PIPELINE_STAGE.OUTCOME)).isEqualTo("failed");
            assertThat(r.get(PIPELINE_STAGE.CHILD_RUN_ID)).isEqualTo(firstRl.value());
        });
        assertThat(pipelines.stages(pipeline.id()))
                .extracting(PipelineStageStatus::status)
                .containsExactly("Succeeded", "Succeeded", "Succeeded", "Succeeded", "Succeeded", "Failed", "Waiting");

        runs.resume(pipeline.id());
        var done = SlCaiTestData.await(runs, pipeline.id(), s -> s.run().state().isTerminal(), Duration.ofMinutes(6));
        assertThat(done.run().state())
                .as(String.valueOf(runs.log(pipeline.id(), 30)))
                .isEqualTo(RunState.FINISHED);
        assertThat(done.progress().done()).isEqualTo(STAGES.size());

        Map<String, List<Record>> rows = stageRows(pipeline.id());
        // finished stages were not redone: the same single child run each
        for (String key : STAGES.subList(0, 5)) {
            assertThat(rows.get(key)).as(key).hasSize(1);
            assertThat(rows.get(key).getFirst().get(PIPELINE_STAGE.CHILD_RUN_ID))
                    .isEqualTo(beforeResume.get(key).getFirst().get(PIPELINE_STAGE.CHILD_RUN_ID));
        }
        assertThat(rows.get("rl-cai"))
                .extracting(r -> r.get(PIPELINE_STAGE.ATTEMPT))
                .containsExactly(1, 2);
        assertThat(rows.get("campaigns"))
                .singleElement()
                .satisfies(r -> assertThat(r.get(PIPELINE_STAGE.CHILD_RUN_ID)).isNull());
        // every child run is in the table once, and no other run carries the pipeline's name
        List<Long> children = rows.values().stream()
                .flatMap(List::stream)
                .map(r -> r.get(PIPELINE_STAGE.CHILD_RUN_ID))
                .filter(java.util.Objects::nonNull)
                .toList();
        assertThat(children).hasSize(7).doesNotHaveDuplicates();
        assertThat(dsl.selectCount()
                        .from(PIPELINE_RUN)
                        .where(PIPELINE_RUN.NAME.startsWith("Pipeline tiny · "))
                        .fetchOne(0, Integer.class))
                .isEqualTo(7);
        Map<Long, ? extends Record> childRuns = dsl.select(PIPELINE_RUN.ID, PIPELINE_RUN.TYPE, PIPELINE_RUN.STATE)
                .from(PIPELINE_RUN)
                .where(PIPELINE_RUN.ID.in(children))
                .fetchMap(PIPELINE_RUN.ID);
        for (String key : STAGES.subList(0, 6)) {
            Record child = childRuns.get(rows.get(key).getLast().get(PIPELINE_STAGE.CHILD_RUN_ID));
            assertThat(child.get(PIPELINE_RUN.TYPE)).isEqualTo(key);
            assertThat(child.get(PIPELINE_RUN.STATE)).as(key).isEqualTo("FINISHED");
        }
        assertThat(childRuns.get(firstRl.value()).get(PIPELINE_RUN.STATE)).isEqualTo("CANCELLED");

        List<PipelineStageStatus> stages = pipelines.stages(pipeline.id());
        assertThat(stages).extracting(PipelineStageStatus::status).containsOnly("Succeeded");
        long rlRun = rows.get("rl-cai").getLast().get(PIPELINE_STAGE.CHILD_RUN_ID);
        List<Long> rlSnapshots = stages.get(5).snapshotIds();
        assertThat(rlSnapshots).hasSize(2).allSatisfy(id -> {
            ModelSnapshot s = registry.find(id).orElseThrow();
            assertThat(s.kind()).isEqualTo(SnapshotKind.RL_CAI);
            assertThat(s.runId()).isEqualTo(rlRun);
        });
        long sl = stages.get(1).snapshotIds().getLast();
        assertThat(registry.find(sl).orElseThrow().kind()).isEqualTo(SnapshotKind.SL_CAI);
        assertThat(registry.find(stages.get(4).snapshotIds().getLast())
                        .orElseThrow()
                        .kind())
                .isEqualTo(SnapshotKind.PREFERENCE_MODEL);
        List<Campaign> created =
                stages.get(6).campaignIds().stream().map(campaigns::campaign).toList();
        assertThat(created)
                .extracting(c -> c.settings().task())
                .containsExactly(ComparisonTask.HELPFULNESS, ComparisonTask.HARMLESSNESS);
        assertThat(created)
                .allSatisfy(c -> assertThat(c.settings().pool())
                        .extracting(PoolSnapshot::snapshotId)
                        .containsExactlyInAnyOrderElementsOf(concat(List.of(base.id(), sl), rlSnapshots)));
    }

    @Test
    void aConstitutionExperimentRunsTheSamePipelineForTwoVersionsToTheEndAndTheDashboardTellsThemApart()
            throws Exception {
        SlCaiTestData.model(registry);
        long a = PipelineTestData.constitution(constitutions, "before");
        long b = PipelineTestData.constitution(constitutions, "after");
        PromptSet redTeam = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, 2);
        long helpful = PipelineTestData.helpfulPairs(pairs);
        // the smallest pipeline that still has every stage: one RL step, one RL-CAI snapshot
        var config = PipelineTestData.config("ignored", redTeam, a, helpful)
                .withParameter(PipelineParameters.RL_STEPS, "1")
                .withParameter(PipelineParameters.CAMPAIGNS, "false");

        assertThatThrownBy(() -> pipelines.compareConstitutions("same", config, a, a))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("two different constitution versions");
        List<Run> started = pipelines.compareConstitutions("Exp 1", config, a, b);
        assertThat(started).hasSize(2);
        assertThat(started).extracting(r -> r.config().seed()).containsOnly(42L);
        assertThat(started)
                .extracting(r -> r.config().constitution())
                .containsExactly(ConstitutionChoice.of(a), ConstitutionChoice.of(b));
        assertThat(started)
                .extracting(r -> r.config().parameter(PipelineParameters.EXPERIMENT, ""))
                .containsOnly("Exp 1");
        assertThat(started.get(0).name()).startsWith("before-").endsWith(" v1 · Exp 1");
        assertThat(started.get(1).name()).startsWith("after-").endsWith(" v1 · Exp 1");

        List<ModelSnapshot> rlSnapshots = new java.util.ArrayList<>();
        for (Run run : started) {
            var done = SlCaiTestData.await(runs, run.id(), s -> s.run().state().isTerminal(), Duration.ofMinutes(8));
            assertThat(done.run().state())
                    .as(String.valueOf(runs.log(run.id(), 30)))
                    .isEqualTo(RunState.FINISHED);
            List<PipelineStageStatus> stages = pipelines.stages(run.id());
            assertThat(stages).extracting(PipelineStageStatus::status).containsOnly("Succeeded");
            for (PipelineStageStatus stage : stages) {
                // every child used the pipeline's own constitution version and seed, and carries its name
                assertThat(stage.child().run().name()).startsWith(run.name() + " · ");
                assertThat(stage.child().run().config().seed()).isEqualTo(42L);
            }
            assertThat(stages.getFirst().child().run().config().constitution())
                    .isEqualTo(run.config().constitution());
            // the SL-CAI and RL-CAI snapshots carry "<constitution> vN · <experiment>"
            for (long id : concat(stages.get(1).snapshotIds(), stages.get(5).snapshotIds())) {
                assertThat(registry.find(id).orElseThrow().name()).startsWith(run.name() + " · ");
            }
            ModelSnapshot rl =
                    registry.find(stages.get(5).snapshotIds().getLast()).orElseThrow();
            assertThat(rl.kind()).isEqualTo(SnapshotKind.RL_CAI);
            rlSnapshots.add(rl);
        }
        assertThat(rlSnapshots.get(0).runId()).isNotEqualTo(rlSnapshots.get(1).runId());

        // crowdworkers compare the two RL-CAI snapshots: the Pareto data places each as its own run, by name
        Voting voting = new Voting(users, campaigns, comparisons);
        String worker = voting.user("exp-worker", Role.WORKER);
        voting.vote(worker, voting.campaign(ComparisonTask.HELPFULNESS, rlSnapshots), Choice.A_BETTER);
        voting.vote(worker, voting.campaign(ComparisonTask.HARMLESSNESS, rlSnapshots), Choice.B_BETTER);
        Frontier frontier = ratings.frontier(RatingQuery.defaults(ComparisonTask.HELPFULNESS));
        for (int i = 0; i < 2; i++) {
            ModelSnapshot rl = rlSnapshots.get(i);
            assertThat(frontier.runs().get(rl.runId()))
                    .as("run of %s", rl.name())
                    .singleElement()
                    .satisfies(p -> {
                        assertThat(p.snapshot())
                                .isEqualTo(rl.name())
                                .startsWith(started.get(rlSnapshots.indexOf(rl)).name());
                        assertThat(p.step()).isEqualTo(rl.step());
                    });
        }
        var placed = frontier.points().stream()
                .filter(p -> p.snapshot().equals(rlSnapshots.get(0).name())
                        || p.snapshot().equals(rlSnapshots.get(1).name()))
                .toList();
        assertThat(placed).hasSize(2);
        // one vote each way: the two runs differ on both axes
        assertThat(placed.get(0).helpfulness().rating())
                .isNotEqualTo(placed.get(1).helpfulness().rating());
        assertThat(placed.get(0).harmlessness().rating())
                .isNotEqualTo(placed.get(1).harmlessness().rating());
    }

    @Test
    void aPipelineThatCannotStartSaysWhy() {
        PromptSet redTeam = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, 2);
        long version = PipelineTestData.constitution(constitutions, "bad");
        SlCaiTestData.model(registry);
        var good = PipelineTestData.config("bad", redTeam, version, 1);
        assertThatThrownBy(() -> pipelines.start(good.withParameter(PipelineParameters.RL_STEPS, "0")))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("RL steps must be between 1");
        assertThatThrownBy(() -> pipelines.start(good.withModelSnapshots(List.of("no-such-model"))))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("no-such-model");
        assertThatThrownBy(() -> pipelines.start(good.withParameter(PipelineParameters.EXTRA_STAGES, "no-such")))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("no optional pipeline stage 'no-such'");
        // the harm stages' settings are checked before any stage runs
        assertThatThrownBy(() -> pipelines.start(good.withParameter(PipelineParameters.EXTRA_STAGES, "harm-eval")
                        .withParameter(PipelineParameters.HARM_PROMPT_SET, String.valueOf(redTeam.id()))))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("needs a harm predictor");
        assertThatThrownBy(() ->
                        pipelines.start(good.withParameter(PipelineParameters.EXTRA_STAGES, "harm-train,harm-eval")
                                .withParameter("harm-train.campaign", "none")
                                .withParameter("harm-train.redTeamImport", "none")))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("needs rated red-team data");
        PromptSet helpfulSet = SlCaiTestData.promptSet(promptSets, PromptSetKind.HELPFULNESS, 1);
        assertThatThrownBy(() ->
                        pipelines.start(good.withParameter(PipelineParameters.EXTRA_STAGES, "harm-train,harm-eval")
                                .withParameter(PipelineParameters.HARM_PROMPT_SET, String.valueOf(helpfulSet.id()))))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("is not a red-team set");
        assertThatThrownBy(() ->
                        pipelines.start(good.withParameter(PipelineParameters.EXTRA_STAGES, "harm-train,harm-eval")
                                .withParameter(PipelineParameters.HARM_PROMPT_SET, String.valueOf(redTeam.id()))
                                .withParameter("harm-eval.samples", "5000")))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("samples per prompt must be between 1 and 1024");
    }

    @Test
    void anExistingHarmPredictorLeavesOutTheHarmTrainingStage() {
        PromptSet redTeam = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, 2);
        long version = PipelineTestData.constitution(constitutions, "harm-existing");
        ModelSnapshot base = SlCaiTestData.model(registry);
        // only the kind matters when the pipeline is planned; the stage would load it
        ModelSnapshot predictor = SlCaiTestData.asAdmin(() -> registry.register(NewSnapshot.local(
                "existing predictor " + java.util.UUID.randomUUID(), SnapshotKind.HARM_PREDICTOR, base.location())));
        var config = PipelineTestData.config("existing predictor", redTeam, version, 1)
                .withParameter(PipelineParameters.HARM_PROMPT_SET, String.valueOf(redTeam.id()));
        assertThatThrownBy(() -> pipelines.start(config.withParameter(PipelineParameters.EXTRA_STAGES, "harm-eval")
                        .withParameter(PipelineParameters.HARM_PREDICTOR, base.name())))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("is not a harm predictor");
        assertThatThrownBy(() ->
                        pipelines.start(config.withParameter(PipelineParameters.EXTRA_STAGES, "harm-train,harm-eval")
                                .withParameter(PipelineParameters.HARM_PREDICTOR, predictor.name())))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("not both");
        Run pipeline = pipelines.start(config.withParameter(PipelineParameters.EXTRA_STAGES, "harm-eval")
                .withParameter(PipelineParameters.HARM_PREDICTOR, predictor.name()));
        try {
            assertThat(runs.items(pipeline.id(), null, 0, 20))
                    .extracting(i -> i.key())
                    .containsExactlyElementsOf(stages("harm-eval", "campaigns"));
            assertThat(pipelines.stages(pipeline.id()))
                    .extracting(PipelineStageStatus::label)
                    .contains("Harm evaluation (predicted harm)");
        } finally {
            pipelines.cancel(pipeline.id());
        }
    }

    private Map<String, List<Record>> stageRows(RunId pipelineId) {
        return dsl
                .selectFrom(PIPELINE_STAGE)
                .where(PIPELINE_STAGE.PIPELINE_RUN_ID.eq(pipelineId.value()))
                .orderBy(PIPELINE_STAGE.ATTEMPT)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(r -> r.get(PIPELINE_STAGE.STAGE_KEY), Collectors.toList()));
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
