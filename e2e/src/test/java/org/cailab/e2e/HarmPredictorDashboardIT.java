package org.cailab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cailab.support.Voting.asAdmin;

import com.microsoft.playwright.Locator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.cailab.comparison.CampaignService;
import org.cailab.comparison.ComparisonService;
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
import org.cailab.redteam.HarmPredictorScore;
import org.cailab.redteam.ImportReport;
import org.cailab.redteam.RedTeamDataService;
import org.cailab.redteam.RedTeamStatsService;
import org.cailab.security.Role;
import org.cailab.security.UserService;
import org.cailab.slcai.SlCaiTestData;
import org.cailab.support.RatedAttempts;
import org.cailab.support.Voting;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A harm predictor trained and run over two RL snapshots (harm-train, then harm-eval on tiny models) shows on the
 * researcher's dashboards: the predictor is chosen by name and its predicted harm is a series of chart 4.
 */
class HarmPredictorDashboardIT extends BrowserTest {

    @Autowired
    UserService users;

    @Autowired
    CampaignService campaigns;

    @Autowired
    ComparisonService comparisons;

    @Autowired
    ModelRegistry registry;

    @Autowired
    RunService runs;

    @Autowired
    PromptSetService promptSets;

    @Autowired
    RedTeamDataService data;

    @Autowired
    RedTeamStatsService stats;

    @Test
    void theDashboardShowsThePredictedHarmOfTheChosenPredictor() {
        ModelSnapshot base = SlCaiTestData.model(registry);
        ImportReport imported = asAdmin(() -> data.importAttempts(
                "dash-harm.jsonl",
                new ByteArrayInputStream(RatedAttempts.jsonLines(30).getBytes(StandardCharsets.UTF_8))));
        Run train = asAdmin(() -> runs.start(RunConfig.of("harm-train", "dash harm predictor")
                .withModelSnapshots(List.of(String.valueOf(base.id())))
                .withSeed(1)
                .withParameter("campaign", "none")
                .withParameter("redTeamImport", String.valueOf(imported.importId()))
                .withParameter("batchSize", "8")
                .withParameter("epochs", "1")));
        assertThat(asAdmin(() -> SlCaiTestData.await(
                                runs, train.id(), s -> s.run().state().isTerminal(), Duration.ofMinutes(4)))
                        .run()
                        .state())
                .isEqualTo(RunState.FINISHED);
        ModelSnapshot predictor = asAdmin(() -> registry.list()).stream()
                .filter(s -> s.kind() == SnapshotKind.HARM_PREDICTOR
                        && Long.valueOf(train.id().value()).equals(s.runId()))
                .findFirst()
                .orElseThrow();

        long rlRun = 800_000 + new java.util.Random().nextInt(100_000);
        List<ModelSnapshot> steps = asAdmin(() -> List.of(
                registry.registerProduced(new NewSnapshot(
                        "harm-dash-" + rlRun + "-s10", SnapshotKind.RL_CAI, base.location(), null, rlRun, 10L, "")),
                registry.registerProduced(new NewSnapshot(
                        "harm-dash-" + rlRun + "-s20", SnapshotKind.RL_CAI, base.location(), null, rlRun, 20L, ""))));
        PromptSet prompts = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, 3);
        Run eval = asAdmin(() -> runs.start(RunConfig.of("harm-eval", "dash harm eval")
                .withPromptSet(PromptSetId.of(prompts.id()))
                .withSampling(new RunConfig.Sampling(1.0, 1.0, 4))
                .withSeed(2)
                .withParameter("predictor", predictor.name())
                .withParameter("snapshot1", steps.get(0).name())
                .withParameter("snapshot2", steps.get(1).name())
                .withParameter("prompts", "3")
                .withParameter("samples", "2")));
        assertThat(asAdmin(() -> SlCaiTestData.await(
                                runs, eval.id(), s -> s.run().state().isTerminal(), Duration.ofMinutes(4)))
                        .run()
                        .state())
                .isEqualTo(RunState.FINISHED);
        List<HarmPredictorScore> scores = asAdmin(() -> stats.harmPredictorScores(predictor.id()));
        assertThat(scores)
                .extracting(HarmPredictorScore::label)
                .containsExactly(steps.get(0).name(), steps.get(1).name());

        String researcher = new Voting(users, campaigns, comparisons).user("harm-res", Role.RESEARCHER);
        loginPage().signInAs(researcher, "password-1");
        DashboardPage dashboard = new DashboardPage(page).open();
        Locator choice = page.locator("#harm-predictor input");
        assertThat(choice).hasValue(java.util.regex.Pattern.compile(".+"));
        // the most recently used predictor is chosen first; choose ours by name where another test's is first
        if (!predictor.name().equals(choice.inputValue())) {
            choice.fill(predictor.name());
            page.keyboard().press("Enter");
        }
        assertThat(choice).hasValue(predictor.name());
        Locator harm = page.locator("#harmfulness-chart");
        page.waitForCondition(
                () -> dashboard.seriesItemNames(harm).contains(steps.get(1).name()));
        @SuppressWarnings("unchecked")
        List<String> series =
                (List<String>) harm.evaluate("el => echarts.getInstanceByDom(el).getOption().series.map(s => s.name)");
        assertThat(series).contains("Harm predictor");
        @SuppressWarnings("unchecked")
        List<String> tooltip = (List<String>) harm.evaluate("""
                (el, name) => (echarts.getInstanceByDom(el).getOption().series
                        .filter(s => s.name === 'Harm predictor' && s.type === 'bar')[0].data
                        .find(d => d.name === name) || {}).tooltip || []""", steps.get(1).name());
        assertThat(tooltip.getFirst()).startsWith("Harm predictor: mean ").contains("6 scored answers");
        assertThat(dashboard.seriesItemNames(page.locator("#harmfulness-step-chart")))
                .contains(steps.get(0).name(), steps.get(1).name());
        assertThat(page.locator("#panel-harmfulness").getByText("bootstrap interval over prompts"))
                .isVisible();
    }
}
