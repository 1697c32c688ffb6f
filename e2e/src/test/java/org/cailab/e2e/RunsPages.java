package org.cailab.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import java.nio.charset.StandardCharsets;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Page objects for the prompt sets page, the runs page and a run's page. */
record RunsPages(Page page) {

    void importPlainTextPromptSet(String name, String fileName, String content) {
        new LoginPage(page).navigation().getByText("Prompt sets").click();
        LoginPage.textbox(page, "Prompt set name").fill(name);
        choose("#prompt-set-format", "Plain text (one prompt a line)");
        page.locator("#prompt-file input[type=file]").setInputFiles(
                new FilePayload(fileName, "text/plain", content.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("#prompt-file vaadin-upload-file[complete]")).hasCount(1);
        button("Import prompts").click();
        assertThat(page.locator("#prompt-set-grid").getByText(name, new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
    }

    void startPromptStatisticsRun(String runName, String promptSetName) {
        new LoginPage(page).navigation().getByText("Runs").click();
        assertThat(page.locator("#run-grid")).isVisible();
        choose("#run-type", "Prompt statistics");
        page.locator("#run-prompt-set").click();
        page.getByRole(AriaRole.OPTION).filter(new Locator.FilterOptions().setHasText(promptSetName)).click();
        LoginPage.textbox(page, "Run name").fill(runName);
        button("Start run").click();
        page.waitForURL(url -> url.matches(".*/runs/\\d+$"));
    }

    Locator progressText() {
        return page.locator("#run-progress-text");
    }

    Locator state() {
        return page.locator("#run-state");
    }

    Locator outputs() {
        return page.locator("#run-outputs");
    }

    private void choose(String selectId, String option) {
        page.locator(selectId).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(option).setExact(true)).click();
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
