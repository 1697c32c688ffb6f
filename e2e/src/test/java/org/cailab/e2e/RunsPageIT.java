package org.cailab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;
import org.cailab.security.NewUser;
import org.cailab.security.Role;
import org.cailab.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** A researcher imports prompts, runs statistics over them and reads the outputs; a crowdworker cannot. */
class RunsPageIT extends BrowserTest {

    @Autowired
    UserService users;

    @Test
    void researcherImportsPromptsStartsARunAndSeesItFinishWithOutputs() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String researcher = createUser("res-" + suffix, Role.RESEARCHER);
        loginPage().signInAs(researcher, "researcher-pw");
        RunsPages pages = new RunsPages(page);

        String setName = "Kitchen questions " + suffix;
        pages.importPlainTextPromptSet(
                setName,
                "kitchen.txt",
                "How do I bake bread?\nWhat temperature kills salmonella?\n\nHow do I bake bread?\nIs raw dough safe?\n");
        assertThat(page.locator("#prompt-set-grid")).containsText("3");

        pages.startPromptStatisticsRun("Stats " + suffix, setName);

        assertThat(pages.progressText()).hasText("3 of 3 items (3 done, 0 failed)");
        assertThat(pages.state()).hasText("Finished");
        page.waitForFunction("() => document.querySelector('#run-progress').value === 1");
        assertThat(page.locator("#run-config")).containsText("\"promptSetName\" : \"" + setName + "\"");
        assertThat(pages.outputs()).containsText("prompt-000003");
        assertThat(pages.outputs()).containsText("\"lastHumanWords\":4");
        assertThat(page.locator("#run-log")).containsText("Finished: 3 of 3 items done, 0 failed.");

        page.navigate("/runs");
        assertThat(page.locator("#run-grid")).containsText("Stats " + suffix);

        assertThat(page.locator("#run-grid")).containsText("3 / 3");
    }

    @Test
    void researcherRunsOnASeededSampleOfTwentyPromptsChosenByNameAndIsAskedBeforeADuplicateNameOrACancel() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String researcher = createUser("res2-" + suffix, Role.RESEARCHER);
        loginPage().signInAs(researcher, "researcher-pw");
        RunsPages pages = new RunsPages(page);
        String setName = "Fifty questions " + suffix;
        StringBuilder prompts = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            prompts.append("Question number ").append(i).append(" about cooking?\n");
        }
        pages.importPlainTextPromptSet(setName, "fifty.txt", prompts.toString());

        String runName = "Sample " + suffix;
        pages.startSampledPromptStatisticsRun(runName, setName, 20);
        assertThat(pages.progressText()).hasText("20 of 20 items (20 done, 0 failed)");
        assertThat(page.locator("#run-config")).containsText("\"promptSelection\" : \"sample\"");
        page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
                .setPath(java.nio.file.Path.of("target/e2e-screenshots/run-page-sampled.png"))
                .setFullPage(true));

        // the same name again: asked first, and starting anyway makes a second run
        pages.startSampledPromptStatisticsRun(runName, setName, 5);
        assertThat(page.getByText("There is already a run named \"" + runName + "\""))
                .isVisible();
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Start anyway"))
                .click();
        page.waitForURL(url -> url.matches(".*/runs/\\d+$"));
        assertThat(pages.progressText()).hasText("5 of 5 items (5 done, 0 failed)");

        // cancelling asks first; keeping the run leaves it running
        pages.startSlowTestItemsRun("Slow " + suffix);
        assertThat(pages.state()).hasText("Running");
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Cancel run"))
                .click();
        assertThat(page.getByText("A cancelled run cannot be resumed")).isVisible();
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Keep running"))
                .click();
        assertThat(pages.state()).hasText("Running");
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions()
                                .setName("Cancel run")
                                .setExact(true))
                .first()
                .click();
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Yes, cancel it"))
                .click();
        assertThat(pages.state()).hasText("Cancelled");
    }

    @Test
    void crowdworkerCannotOpenRunsOrPromptSets() {
        String worker = createUser("worker-" + UUID.randomUUID().toString().substring(0, 6), Role.WORKER);
        LoginPage login = loginPage();
        login.signInAs(worker, "researcher-pw");
        assertThat(login.navigation().getByText("Runs")).hasCount(0);
        assertThat(login.navigation().getByText("Prompt sets")).hasCount(0);
        page.navigate("/runs");
        assertThat(page.getByText("Page not available")).isVisible();
        assertThat(page.locator("#run-grid")).hasCount(0);
        page.navigate("/prompt-sets");
        assertThat(page.getByText("Page not available")).isVisible();
    }

    private String createUser(String name, Role role) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN", "ROLE_RESEARCHER")));
        try {
            users.create(new NewUser(name, "researcher-pw", role));
            return name;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
