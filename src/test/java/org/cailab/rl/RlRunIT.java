package org.cailab.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.NewSnapshot;
import org.cailab.model.SnapshotKind;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunException;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** RL-CAI runs on tiny real models and real PostgreSQL: segments, registered snapshots, metrics and samples. */
@WithMockUser(username = "researcher", roles = "RESEARCHER")
class RlRunIT extends IntegrationTest {

    @Autowired
    RunService runs;

    @Autowired
    RlService rl;

    @Autowired
    PromptSetService promptSets;

    @Autowired
    ModelRegistry registry;

    private ModelSnapshot register(String name, SnapshotKind kind, long seed) {
        return SlCaiTestData.asAdmin(() -> registry.findByName(name)
                .orElseGet(() -> registry.register(new NewSnapshot(
                        name, kind, TinyModelFixture.create(name, seed).toString(), null, null, null, ""))));
    }

    private RunConfig config(
            String name, PromptSet redTeam, PromptSet helpful, ModelSnapshot policy, ModelSnapshot reward) {
        return RunConfig.of(RlService.RUN_TYPE, name)
                .withPromptSet(PromptSetId.of(redTeam.id()))
                .withModelSnapshots(List.of(policy.name(), reward.name()))
                .withSampling(new RunConfig.Sampling(1.0, 1.0, 8))
                .withSeed(99)
                .withExecution(new RunConfig.Execution(3, 2, 0))
                .withParameter(RlParameters.STEPS, "4")
                .withParameter(RlParameters.PROMPTS_PER_STEP, "2")
                .withParameter(RlParameters.SNAPSHOT_EVERY, "2")
                .withParameter(RlParameters.MINI_BATCH, "2")
                .withParameter(RlParameters.LEARNING_RATE, "1e-3")
                .withParameter(RlParameters.HELPFUL_SET, String.valueOf(helpful.id()))
                .withParameter(RlParameters.HELPFUL_RATIO, "0.5");
    }

    @Test
    void aPpoRunRegistersRlCaiSnapshotsWithIncreasingStepsAndRecordsEveryStep() {
        ModelSnapshot policy = register("rl-policy-tiny", SnapshotKind.SL_CAI, 5);
        ModelSnapshot feedback = register("rl-feedback-tiny", SnapshotKind.PRETRAINED, 6);
        PromptSet redTeam = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, 5);
        PromptSet helpful = SlCaiTestData.promptSet(promptSets, PromptSetKind.HELPFULNESS, 3);

        Run run = runs.start(config("RL tiny", redTeam, helpful, policy, feedback));
        assertThat(run.config().execution().workers())
                .as("segments depend on each other")
                .isEqualTo(1);
        assertThat(run.config().modelSnapshots())
                .containsExactly(String.valueOf(policy.id()), String.valueOf(feedback.id()));
        RunSummary done =
                SlCaiTestData.await(runs, run.id(), s -> s.run().state().isTerminal(), Duration.ofMinutes(4));
        assertThat(done.run().state())
                .as(String.valueOf(runs.log(run.id(), 20)))
                .isEqualTo(RunState.FINISHED);
        assertThat(done.progress().done()).isEqualTo(2);

        List<RlStepStats> steps = rl.steps(run.id());
        assertThat(steps).extracting(RlStepStats::step).containsExactly(1, 2, 3, 4);
        assertThat(steps).extracting(RlStepStats::promptsSeen).containsExactly(2L, 4L, 6L, 8L);
        assertThat(steps).allSatisfy(s -> {
            assertThat(s.meanResponseTokens()).isPositive();
            assertThat(s.entropy()).isPositive();
            assertThat(Double.isFinite(s.meanScore())).isTrue();
        });

        List<ModelSnapshot> produced = registry.list().stream()
                .filter(s -> run.id().value() == (s.runId() == null ? -1 : s.runId()))
                .sorted(Comparator.comparing(ModelSnapshot::step))
                .toList();
        assertThat(produced).extracting(ModelSnapshot::kind).containsOnly(SnapshotKind.RL_CAI);
        assertThat(produced).extracting(ModelSnapshot::step).containsExactly(4L, 8L);
        assertThat(produced).extracting(ModelSnapshot::parentId).containsOnly(policy.id());

        List<RlSample> samples = rl.samples(run.id());
        assertThat(samples).extracting(RlSample::step).containsOnly(4L, 8L);
        assertThat(samples).hasSize(4);
        assertThat(samples)
                .extracting(RlSample::snapshotId)
                .containsOnly(produced.get(0).id(), produced.get(1).id());
        assertThat(samples)
                .allSatisfy(
                        s -> assertThat(s.prompt()).startsWith("\n\nHuman: ").endsWith("Assistant:"));
        // half red-team, half helpfulness prompts: each 2-prompt step has one of each
        assertThat(samples)
                .filteredOn(s -> s.step() == 8)
                .extracting(s -> s.prompt().contains("prank"))
                .containsExactlyInAnyOrder(true, false);
        RlRunInfo info = rl.run(run.id());
        assertThat(info.policyName()).isEqualTo(policy.name());
        assertThat(info.klRunningAway(steps))
                .isEqualTo(steps.getLast().meanKl() > info.parameters().klWarning());
    }

    @Test
    void badSettingsAreRefusedWhenTheRunStarts() {
        ModelSnapshot policy = register("rl-policy-tiny", SnapshotKind.SL_CAI, 5);
        ModelSnapshot feedback = register("rl-feedback-tiny", SnapshotKind.PRETRAINED, 6);
        PromptSet redTeam = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, 2);
        PromptSet helpful = SlCaiTestData.promptSet(promptSets, PromptSetKind.HELPFULNESS, 2);
        RunConfig good = config("RL bad", redTeam, helpful, policy, feedback);
        assertThatThrownBy(() -> runs.start(good.withParameter(RlParameters.ALGORITHM, "rloo")))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("RLOO needs at least 2 samples");
        assertThatThrownBy(() -> runs.start(good.withModelSnapshots(List.of(policy.name()))))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("Name two model snapshots");
        assertThatThrownBy(() -> runs.start(good.withParameter(RlParameters.HELPFUL_SET, String.valueOf(redTeam.id()))))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("is not a helpfulness set");
        assertThatThrownBy(() -> runs.start(good.withParameter(RlParameters.STEPS, "many")))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("not a number");
    }
}
