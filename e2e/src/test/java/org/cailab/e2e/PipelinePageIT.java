package org.cailab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.cailab.constitution.ConstitutionFormat;
import org.cailab.constitution.ConstitutionService;
import org.cailab.experiment.PipelineService;
import org.cailab.experiment.PipelineStageStatus;
import org.cailab.model.ModelRegistry;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunSummary;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetKind;
import org.cailab.promptset.PromptSetService;
import org.cailab.redteam.RedTeamDataService;
import org.cailab.security.NewUser;
import org.cailab.security.Role;
import org.cailab.security.UserService;
import org.cailab.slcai.SlCaiTestData;
import org.cailab.support.RatedAttempts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A researcher starts the whole pipeline from the pipeline page (every reference picked by name from a combo box),
 * with the harm measurement on, and follows it: the stage list, the first stage's run link and progress until it
 * succeeds, the second stage starting, and on to the end: every stage succeeded, the RL-CAI snapshot, the harm
 * predictor and the two campaigns listed. Then the dashboards show the pipeline's RL-CAI snapshot in chart 4's
 * predicted harm against training step (tiny models and settings).
 */
class PipelinePageIT extends BrowserTest {

    @Autowired
    UserService users;

    @Autowired
    ModelRegistry registry;

    @Autowired
    PromptSetService promptSets;

    @Autowired
    ConstitutionService constitutions;

    @Autowired
    PipelineService pipelines;

    @Autowired
    RedTeamDataService redTeamData;

    @Test
    void researcherStartsThePipelineAndFollowsItsStages() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        SlCaiTestData.model(registry);
        PromptSet redTeam = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, 3);
        String constitution = "pipe-e2e-" + suffix;
        SlCaiTestData.asAdmin(() -> constitutions.importAsNewConstitution(
                constitution,
                "c.yaml",
                org.cailab.experiment.PipelineTestData.CONSTITUTION.getBytes(StandardCharsets.UTF_8),
                ConstitutionFormat.CAILAB_YAML,
                "e2e"));
        String researcher = "pipe-" + suffix;
        SlCaiTestData.asAdmin(() -> users.create(new NewUser(researcher, "researcher-pw", Role.RESEARCHER)));
        PromptSet heldOut = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, 2);
        String ratedFile = "pipe-e2e-" + suffix + ".jsonl";
        SlCaiTestData.asAdmin(() -> redTeamData.importAttempts(
                ratedFile, new ByteArrayInputStream(RatedAttempts.jsonLines(12).getBytes(StandardCharsets.UTF_8))));

        loginPage().signInAs(researcher, "researcher-pw");
        loginPage().navigation().getByText("Whole pipeline").click();
        assertThat(page.locator("#pipeline-grid")).isVisible();
        page.locator("#pipeline-name input").fill("E2E pipeline " + suffix);
        RunsPages.pick(page, "#pipeline-constitution", constitution);
        RunsPages.pick(page, "#pipeline-base", SlCaiTestData.MODEL);
        RunsPages.pick(page, "#pipeline-red-team", redTeam.name());
        page.locator("#pipeline-max-tokens input").fill("8");
        page.locator("#pipeline-rl-steps input").fill("1");
        page.locator("#pipeline-prompts-per-step input").fill("2");
        page.locator("#pipeline-snapshot-every input").fill("1");
        // measure harm: a harm predictor trained on the imported ratings, scored on held-out prompts
        assertThat(page.locator("#pipeline-harm-prompts")).isHidden();
        page.locator("#pipeline-harm").click();
        RunsPages.pick(page, "#pipeline-harm-import", ratedFile);
        RunsPages.pick(page, "#pipeline-harm-prompts", heldOut.name());
        page.locator("#pipeline-harm-prompt-count input").fill("2");
        page.locator("#pipeline-harm-samples input").fill("1");
        page.locator("#pipeline-start").click();
        page.waitForURL(url -> url.matches(".*/pipelines/\\d+$"));
        RunId id = new RunId(Long.parseLong(page.url().replaceAll(".*/pipelines/", "")));

        Locator stages = page.locator("#pipeline-stages");
        for (String label : List.of(
                "SL-CAI critique and revision",
                "SL finetuning",
                "Response pairs",
                "AI feedback labels",
                "Preference model",
                "RL-CAI",
                "Harm predictor training",
                "Harm evaluation (predicted harm)",
                "Comparison campaigns")) {
            assertThat(stages.getByText(label, new Locator.GetByTextOptions().setExact(true)))
                    .isVisible();
        }
        assertThat(page.locator("#pipeline-state")).containsText("Running");
        // the first stage gets its run and succeeds; the page follows it without a reload
        assertThat(stages.getByText("Succeeded", new Locator.GetByTextOptions().setExact(true))
                        .first())
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(240_000));
        List<PipelineStageStatus> seen = SlCaiTestData.as(() -> pipelines.stages(id), researcher, "ROLE_RESEARCHER");
        assertThat(seen.getFirst().status()).isEqualTo("Succeeded");
        RunSummary firstChild = seen.getFirst().child();
        assertThat(firstChild).isNotNull();
        assertThat(firstChild.run().config().seed()).isEqualTo(1L);
        assertThat(firstChild.run().config().sampling().maxNewTokens()).isEqualTo(8);
        assertThat(stages.locator("a[href='runs/" + firstChild.run().id() + "']"))
                .isVisible();
        assertThat(stages.getByText("run ", new Locator.GetByTextOptions().setExact(false)))
                .not()
                .hasCount(0);
        // the second stage starts as its own run, linked from the page
        Locator second = stages.locator("a[href^='runs/']").nth(1);
        assertThat(second).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));

        // and so on to the end: every stage succeeds, the RL-CAI snapshot and the campaigns show on the page
        assertThat(page.locator("#pipeline-state"))
                .containsText("Finished", new LocatorAssertions.ContainsTextOptions().setTimeout(300_000));
        assertThat(stages.getByText("Succeeded", new Locator.GetByTextOptions().setExact(true)))
                .hasCount(9);
        assertThat(stages.getByText("RL-CAI step", new Locator.GetByTextOptions().setExact(false))
                        .first())
                .isVisible();
        assertThat(stages.getByText("E2E pipeline " + suffix + " · harmlessness"))
                .isVisible();
        assertThat(stages.getByText("E2E pipeline " + suffix + " · helpfulness"))
                .isVisible();
        assertThat(stages.locator("a[href^='runs/']")).hasCount(8);
        List<PipelineStageStatus> done = SlCaiTestData.as(() -> pipelines.stages(id), researcher, "ROLE_RESEARCHER");
        String predictor = SlCaiTestData.asAdmin(() ->
                registry.find(done.get(6).snapshotIds().getLast()).orElseThrow().name());
        assertThat(stages.getByText(predictor)).isVisible();
        List<String> rlSnapshots = done.get(5).snapshotIds().stream()
                .map(s -> SlCaiTestData.asAdmin(
                        () -> registry.find(s).orElseThrow().name()))
                .toList();

        // the researcher sees the pipeline's RL-CAI snapshot on the dashboards: predicted harm against step
        stages.getByText("Predicted harm: Dashboards, absolute harmfulness").click();
        page.waitForURL(url -> url.endsWith("/dashboard"));
        DashboardPage dashboard = new DashboardPage(page);
        Locator choice = page.locator("#harm-predictor input");
        assertThat(choice).hasValue(java.util.regex.Pattern.compile(".+"));
        if (!predictor.equals(choice.inputValue())) {
            choice.fill(predictor);
            page.keyboard().press("Enter");
        }
        assertThat(choice).hasValue(predictor);
        Locator perStep = page.locator("#harmfulness-step-chart");
        page.waitForCondition(() -> {
            try {
                return dashboard.seriesItemNames(perStep).containsAll(rlSnapshots);
            } catch (com.microsoft.playwright.PlaywrightException e) {
                return false; // ECharts (loaded by URL) or the chart is not there yet
            }
        });
        assertThat(dashboard.seriesItemNames(page.locator("#harmfulness-chart")))
                .contains(rlSnapshots.getFirst(), SlCaiTestData.MODEL);
    }
}
