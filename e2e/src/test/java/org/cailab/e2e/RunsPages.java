package org.cailab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;

/** Page objects for the prompt sets page, the runs page and a run's page. */
record RunsPages(Page page) {

    void importPlainTextPromptSet(String name, String fileName, String content) {
        new LoginPage(page).navigation().getByText("Prompt sets").click();
        LoginPage.textbox(page, "Prompt set name").fill(name);
        choose("#prompt-set-format", "Plain text (one prompt a line)");
        page.locator("#prompt-file input[type=file]")
                .setInputFiles(new FilePayload(fileName, "text/plain", content.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("#prompt-file vaadin-upload-file[complete]")).hasCount(1);
        button("Import prompts").click();
        assertThat(page.locator("#prompt-set-grid").getByText(name, new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
    }

    void startPromptStatisticsRun(String runName, String promptSetName) {
        new LoginPage(page).navigation().getByText("Runs").click();
        assertThat(page.locator("#run-grid")).isVisible();
        choose("#run-type", "Prompt statistics");
        pick(page, "#run-prompt-set", promptSetName);
        LoginPage.textbox(page, "Run name").fill(runName);
        button("Start run").click();
        page.waitForURL(url -> url.matches(".*/runs/\\d+$"));
    }

    /** Starts prompt statistics on a seeded random sample of {@code count} prompts of the set. */
    void startSampledPromptStatisticsRun(String runName, String promptSetName, int count) {
        new LoginPage(page).navigation().getByText("Runs").click();
        assertThat(page.locator("#run-grid")).isVisible();
        choose("#run-type", "Prompt statistics");
        pick(page, "#run-prompt-set", promptSetName);
        choose("#run-prompt-selection", "Random sample of N (seeded)");
        page.locator("#run-prompt-count input").fill(String.valueOf(count));
        LoginPage.textbox(page, "Run name").fill(runName);
        button("Start run").click();
    }

    /** Starts the test stage with 50 items of 2 s each (it is on the test classpath only). */
    void startSlowTestItemsRun(String runName) {
        new LoginPage(page).navigation().getByText("Runs").click();
        choose("#run-type", "Test items (tests only)");
        assertThat(page.locator("#run-param-delayMs")).isVisible();
        page.locator("#run-param-items input").fill("50");
        page.locator("#run-param-delayMs input").fill("2000");
        LoginPage.textbox(page, "Run name").fill(runName);
        button("Start run").click();
        page.waitForURL(url -> url.matches(".*/runs/\\d+$"));
    }

    /**
     * Chooses in a combo box by typing part of the item's name and clicking the item that shows it. The form may still
     * be replacing its fields after a change of run type (the typed text then goes to a field that is gone): type
     * again until the item shows.
     */
    static void pick(Page page, String comboBoxId, String text) {
        Locator option = page.getByRole(AriaRole.OPTION)
                .filter(new Locator.FilterOptions().setHasText(text))
                .first();
        for (int attempt = 1; ; attempt++) {
            page.locator(comboBoxId + " input").fill(text);
            try {
                option.waitFor(new Locator.WaitForOptions().setTimeout(attempt < 4 ? 5_000 : 20_000));
                break;
            } catch (com.microsoft.playwright.TimeoutError e) {
                if (attempt >= 4) {
                    throw e;
                }
            }
        }
        option.click();
        assertThat(page.locator(comboBoxId + " input")).not().hasValue("");
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
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions().setName(option).setExact(true))
                .click();
    }

    private Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
