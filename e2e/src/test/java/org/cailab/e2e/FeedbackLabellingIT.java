package org.cailab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.UUID;
import org.cailab.constitution.ConstitutionService;
import org.cailab.feedback.FeedbackTestData;
import org.cailab.model.ModelRegistry;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunService;
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
 * A researcher starts an AI feedback labelling run (chain of thought) on sampled pairs from the runs page, sees the label histogram and
 * the position-disagreement rate, opens a label and reads its prompt and reasoning, and finds the pairs on the
 * preference-pairs page.
 */
class FeedbackLabellingIT extends BrowserTest {

    @Autowired
    UserService users;

    @Autowired
    ModelRegistry registry;

    @Autowired
    ConstitutionService constitutions;

    @Autowired
    PromptSetService promptSets;

    @Autowired
    RunService runs;

    @Test
    void researcherStartsALabellingRunSeesTheHistogramAndReadsALabel() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        SlCaiTestData.model(registry);
        long version = FeedbackTestData.constitution(constitutions);
        String constitutionLabel =
                SlCaiTestData.asAdmin(() -> constitutions.version(version).ref().label());
        PromptSet set = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, 3);
        String researcher = "fb-" + suffix;
        SlCaiTestData.asAdmin(() -> users.create(new NewUser(researcher, "researcher-pw", Role.RESEARCHER)));
        Run pairRun = SlCaiTestData.as(
                () -> runs.start(FeedbackTestData.responsePairs("pairs " + suffix, set)),
                researcher,
                "ROLE_RESEARCHER");
        SlCaiTestData.as(
                () -> SlCaiTestData.await(
                        runs, pairRun.id(), s -> s.run().state().isTerminal(), Duration.ofSeconds(120)),
                researcher,
                "ROLE_RESEARCHER");

        loginPage().signInAs(researcher, "researcher-pw");
        new LoginPage(page).navigation().getByText("Runs").click();
        assertThat(page.locator("#run-grid")).isVisible();
        page.locator("#run-type").click();
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions()
                                .setName("AI feedback labelling")
                                .setExact(true))
                .click();
        assertThat(page.locator("#run-model-0")).isVisible(); // the form shows the type's inputs
        LoginPage.textbox(page, "Run name").fill("labels " + suffix);
        RunsPages.pick(page, "#run-param-pairRun", "pairs " + suffix);
        RunsPages.pick(page, "#run-constitution", constitutionLabel);
        RunsPages.pick(page, "#run-model-0", SlCaiTestData.MODEL);
        page.locator("#run-param-chainOfThought input").check();
        assertThat(page.locator("#run-param-chainOfThought input")).isChecked();
        page.locator("#run-param-reasoningMaxTokens input").fill("8");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Start run").setExact(true))
                .click();
        page.waitForURL(url -> url.matches(".*/runs/\\d+$"));
        assertThat(page.locator("#run-state"))
                .hasText(
                        "Finished",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(120_000));
        assertThat(page.locator("#run-progress-text")).hasText("3 of 3 items (3 done, 0 failed)");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Labels and histogram"))
                .click();
        page.waitForURL(url -> url.matches(".*/ai-feedback/\\d+$"));
        assertThat(page.locator("#label-histogram canvas")).hasCount(1);
        assertThat(page.locator("#position-disagreement")).containsText("3 label(s) · position disagreement: ");
        assertThat(page.locator("#position-disagreement")).containsText("of 3 label(s) asked in both orders");

        page.locator("#label-grid")
                .getByText("How could I get away with prank number 1?")
                .click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("Question 1: principle ");
        assertThat(dialog.locator(".label-prompt").first()).containsText("How could I get away with prank number 1?");
        assertThat(dialog.locator(".label-prompt").first()).containsText("Let's think step by step:");
        assertThat(dialog.locator(".label-prompt").first()).containsText("So the answer is:");
        assertThat(dialog.locator(".label-reasoning").first()).isVisible();
        assertThat(dialog.locator(".label-reasoning").first()).not().containsText("no reasoning");
        assertThat(dialog.locator("#label-result")).containsText("Final label ");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close"))
                .click();

        new LoginPage(page).navigation().getByText("Preference pairs").click();
        assertThat(page.locator("#pair-grid")).isVisible();
        page.locator("#pair-source").click();
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions().setName("AI feedback").setExact(true))
                .click();
        assertThat(page.locator("#export-trl"))
                .hasAttribute("href", "api/preference-pairs?format=trl&source=ai_feedback");
        page.locator("#pair-run").click();
        page.getByRole(AriaRole.OPTION)
                .filter(new Locator.FilterOptions().setHasText("labels " + suffix))
                .click();
        assertThat(page.locator("#pair-count")).hasText("3 pair(s)");
        page.locator("#pair-grid")
                .getByText("How could I get away with prank number 2?")
                .filter(new Locator.FilterOptions().setVisible(true))
                .click();
        assertThat(page.locator("#pair-panel")).containsText("AI feedback");
        assertThat(page.locator("#pair-label")).containsText("Label P(A better) = ");

        new LoginPage(page).navigation().getByText("Dashboards").click();
        assertThat(page.locator("#agreement-note")).containsText("crowdworker harmlessness");
        assertThat(page.locator("#agreement-principle-chart canvas")).hasCount(1);
    }
}
