package org.cailab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import java.util.regex.Pattern;
import org.cailab.constitution.ConstitutionService;
import org.cailab.model.ModelRegistry;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetKind;
import org.cailab.promptset.PromptSetService;
import org.cailab.security.NewUser;
import org.cailab.security.Role;
import org.cailab.security.UserService;
import org.cailab.slcai.SlCaiTestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A researcher runs SL-CAI, starts SL finetuning on it from the runs page, watches the training page's loss curve
 * and status until the run ends, and finds the new SL-CAI snapshot with its lineage on Models.
 */
class TrainingPageIT extends BrowserTest {

    @Autowired
    UserService users;

    @Autowired
    ModelRegistry registry;

    @Autowired
    ConstitutionService constitutions;

    @Autowired
    PromptSetService promptSets;

    @Test
    void researcherStartsSlFinetuningWatchesTheLossCurveAndFindsTheSnapshotWithItsLineage() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        SlCaiTestData.model(registry);
        long version = SlCaiTestData.constitution(constitutions, SlCaiTestData.CONSTITUTION);
        PromptSet set = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, 4);
        String researcher = "trainer-" + suffix;
        SlCaiTestData.asAdmin(() -> users.create(new NewUser(researcher, "researcher-pw", Role.RESEARCHER)));
        loginPage().signInAs(researcher, "researcher-pw");

        new SlCaiPages(page)
                .startRun(
                        "SL-CAI data " + suffix,
                        set.name(),
                        1,
                        SlCaiTestData.asAdmin(
                                () -> constitutions.version(version).ref().label()),
                        SlCaiTestData.MODEL,
                        16);
        assertThat(page.locator("#run-state")).hasText("Finished");
        String slCaiRun = page.url().replaceFirst(".*/runs/(\\d+)$", "$1");

        new LoginPage(page).navigation().getByText("Runs").click();
        page.locator("#run-type").click();
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions().setName("SL finetuning").setExact(true))
                .click();
        assertThat(page.locator("#run-param-slCaiRuns")).isVisible(); // the form shows this type's fields
        LoginPage.textbox(page, "Run name").fill("SL-CAI-1 " + suffix);
        RunsPages.pick(page, "#run-model-0", SlCaiTestData.MODEL);
        page.locator("#run-param-slCaiRuns input").fill("SL-CAI data " + suffix);
        page.getByRole(AriaRole.OPTION)
                .filter(new Locator.FilterOptions().setHasText("#" + slCaiRun + ","))
                .first()
                .click();
        page.locator("#run-param-slCaiRuns input").press("Escape");
        page.locator("#run-param-round input").fill("1");
        page.locator("#run-param-includeTruncated input").check(); // 16-token samples mostly hit the limit
        page.locator("#run-param-learningRate input").fill("0.003");
        page.locator("#run-param-batchSize input").fill("2");
        page.locator("#run-param-microBatchSize input").fill("2");
        page.locator("#run-param-epochs input").fill("15"); // 3 training examples in batches of 2: 30 steps
        page.locator("#run-param-heldOutFraction input").fill("0.25");
        page.locator("#run-param-checkpointEvery input").fill("10");
        page.locator("#run-param-evalEvery input").fill("5");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Start run").setExact(true))
                .click();
        page.waitForURL(url -> url.matches(".*/runs/\\d+$"));
        String trainingRun = page.url().replaceFirst(".*/runs/(\\d+)$", "$1");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Training curves and checkpoints"))
                .click();
        page.waitForURL(url -> url.matches(".*/runs/\\d+/training$"));
        Locator status = page.locator("#training-status");
        assertThat(status).containsText(Pattern.compile("Step \\d+ of 30"));
        assertThat(page.locator("#loss-chart canvas")).isVisible();
        assertThat(status)
                .containsText(
                        "Step 30 of 30",
                        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                .setTimeout(180_000));
        assertThat(status).containsText("held-out loss");
        assertThat(status).containsText("tokens/s");
        assertThat(page.locator("#checkpoint-grid")).containsText("final model");
        assertThat(page.locator("#checkpoint-grid")).containsText("registered");

        new LoginPage(page).navigation().getByText("Models").click();
        String snapshot = "SL-CAI-1 " + suffix + " (run " + trainingRun + ", step 30)";
        Locator grid = page.locator("#snapshot-grid");
        assertThat(grid.getByText(snapshot, new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(grid.getByText("run " + trainingRun, new Locator.GetByTextOptions().setExact(true))
                        .first())
                .isVisible();
        assertThat(grid).containsText("SL_CAI");
    }
}
