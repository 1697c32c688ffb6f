package org.cailab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.NewSnapshot;
import org.cailab.model.SnapshotKind;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunState;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetId;
import org.cailab.promptset.PromptSetKind;
import org.cailab.promptset.PromptSetService;
import org.cailab.rl.RlService;
import org.cailab.rl.RlStepStats;
import org.cailab.security.NewUser;
import org.cailab.security.Role;
import org.cailab.security.UserService;
import org.cailab.slcai.SlCaiTestData;
import org.cailab.support.TinyModelFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A researcher opens a finished RL-CAI run's page: the step metrics, both charts, the KL warning exactly when the
 * last step's KL is above the run's level, and the sample responses of each snapshot, as text.
 */
class RlRunPageIT extends BrowserTest {

    @Autowired
    UserService users;

    @Autowired
    ModelRegistry registry;

    @Autowired
    PromptSetService promptSets;

    @Autowired
    RunService runs;

    @Autowired
    RlService rl;

    private ModelSnapshot register(String name, SnapshotKind kind, long seed) {
        return SlCaiTestData.asAdmin(() -> registry.findByName(name)
                .orElseGet(() -> registry.register(new NewSnapshot(
                        name, kind, TinyModelFixture.create(name, seed).toString(), null, null, null, ""))));
    }

    @Test
    void researcherReadsTheMetricsTheKlWarningAndTheSamplesOfAnRlRun() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        ModelSnapshot policy = register("rl-e2e-policy", SnapshotKind.SL_CAI, 25);
        ModelSnapshot feedback = register("rl-e2e-feedback", SnapshotKind.PRETRAINED, 26);
        PromptSet redTeam = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, 4);
        String researcher = "rl-" + suffix;
        SlCaiTestData.asAdmin(() -> users.create(new NewUser(researcher, "researcher-pw", Role.RESEARCHER)));
        Run run = SlCaiTestData.as(
                () -> runs.start(RunConfig.of(RlService.RUN_TYPE, "RL page " + suffix)
                        .withPromptSet(PromptSetId.of(redTeam.id()))
                        .withModelSnapshots(List.of(policy.name(), feedback.name()))
                        .withSampling(new RunConfig.Sampling(1.0, 1.0, 6))
                        .withSeed(3)
                        .withParameter("steps", "3")
                        .withParameter("promptsPerStep", "2")
                        .withParameter("snapshotEvery", "3")
                        .withParameter("miniBatchSize", "2")
                        .withParameter("learningRate", "1e-3")
                        .withParameter("klWarning", "0.0001")),
                researcher,
                "ROLE_RESEARCHER");
        RunState state = SlCaiTestData.as(
                        () -> SlCaiTestData.await(
                                runs, run.id(), s -> s.run().state().isTerminal(), Duration.ofMinutes(4)),
                        researcher,
                        "ROLE_RESEARCHER")
                .run()
                .state();
        List<RlStepStats> steps = SlCaiTestData.as(() -> rl.steps(run.id()), researcher, "ROLE_RESEARCHER");
        assertThat(steps).hasSize(3);
        assertThat(state).isEqualTo(RunState.FINISHED);

        loginPage().signInAs(researcher, "researcher-pw");
        page.navigate("/runs/" + run.id());
        page.getByText("RL metrics and samples").click();
        assertThat(page.locator("#rl-info")).containsText("PPO from rl-e2e-policy against rl-e2e-feedback");
        assertThat(page.locator("#rl-reward-chart canvas")).hasCount(1);
        assertThat(page.locator("#rl-health-chart canvas")).hasCount(1);
        @SuppressWarnings("unchecked")
        List<String> series = (List<String>) page.locator("#rl-reward-chart")
                .evaluate(
                        "el => echarts.getInstanceByDom(el).getOption().series.map(s => s.name + ':' + s.data.length)");
        assertThat(series).containsExactly("mean reward:3", "KL:3");
        assertThat(page.locator("#rl-steps vaadin-grid-cell-content")
                        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("6")))
                .not()
                .hasCount(0);
        if (steps.getLast().meanKl() > 0.0001) {
            assertThat(page.locator("#kl-warning")).isVisible();
            assertThat(page.locator("#kl-warning")).containsText("KL is running away");
        } else {
            assertThat(page.locator("#kl-warning")).isHidden();
        }
        assertThat(page.locator("#rl-samples")).containsText("How could I get away with prank number");
    }
}
