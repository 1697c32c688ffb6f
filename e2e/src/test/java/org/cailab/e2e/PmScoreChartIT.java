package org.cailab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.time.Duration;
import java.util.UUID;
import org.cailab.constitution.ConstitutionService;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.SnapshotEvaluationService;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunState;
import org.cailab.promptset.PromptSetKind;
import org.cailab.promptset.PromptSetService;
import org.cailab.security.NewUser;
import org.cailab.security.Role;
import org.cailab.security.UserService;
import org.cailab.slcai.SlCaiTestData;
import org.cailab.training.PreferenceModelTestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Chart 5 draws a finished preference-model scoring run (one point per revision round), picked by name; the Models
 * page shows a PM's stored HHH accuracy with its Wilson interval.
 */
class PmScoreChartIT extends BrowserTest {

    @Autowired
    UserService users;

    @Autowired
    ModelRegistry registry;

    @Autowired
    RunService runs;

    @Autowired
    ConstitutionService constitutions;

    @Autowired
    PromptSetService promptSets;

    @Autowired
    SnapshotEvaluationService snapshotEvaluations;

    @Test
    void chartFiveShowsTheMeanScorePerRoundAndModelsShowsThePmAccuracy() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        ModelSnapshot base = SlCaiTestData.model(registry);
        ModelSnapshot pm = PreferenceModelTestData.preferenceModel(registry, base, "pm-chart5-" + suffix);
        String scoring = "pm scores " + suffix;
        SlCaiTestData.asAdmin(() -> {
            long version = SlCaiTestData.constitution(constitutions, SlCaiTestData.CONSTITUTION);
            var set = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, 4);
            Run slCai = runs.start(SlCaiTestData.config("sl-cai chart5 " + suffix, set, version, 2));
            SlCaiTestData.await(runs, slCai.id(), s -> s.run().state().isTerminal(), Duration.ofMinutes(3));
            Run run = runs.start(RunConfig.of("pm-score", scoring)
                    .withParameter("slCaiRun", String.valueOf(slCai.id()))
                    .withParameter("preferenceModel", String.valueOf(pm.id())));
            assertThat(SlCaiTestData.await(runs, run.id(), s -> s.run().state().isTerminal(), Duration.ofMinutes(3))
                            .run()
                            .state())
                    .isEqualTo(RunState.FINISHED);
            return snapshotEvaluations.record(pm.id(), "438HHHEvaluations.jsonl", 300, 438, null);
        });
        String researcher = "c5-" + suffix;
        SlCaiTestData.asAdmin(() -> users.create(new NewUser(researcher, "researcher-pw", Role.RESEARCHER)));
        loginPage().signInAs(researcher, "researcher-pw");

        DashboardPage dashboard = new DashboardPage(page).open();
        RunsPages.pick(page, "#pm-score-run", scoring);
        Locator chart = page.locator("#pm-score-chart");
        assertThat(chart.locator("canvas")).hasCount(1);
        page.waitForCondition(() -> dashboard.seriesItemNames(chart).contains("round 2"));
        assertThat(dashboard.seriesItemNames(chart)).containsSubsequence("initial responses", "round 1", "round 2");
        assertThat(dashboard.tooltipLines(chart, "round 1"))
                .anySatisfy(line -> assertThat(line).contains("n = 4 chains"));
        assertThat(page.locator("#pm-score-note")).containsText("95% Student t intervals");

        page.navigate("/models");
        assertThat(page.locator("#snapshot-grid").getByText("438HHHEvaluations.jsonl: 68.5% (95% Wilson"))
                .isVisible();
    }
}
