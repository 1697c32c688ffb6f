package org.cailab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Page objects for starting an SL-CAI run on the runs page and for its chain browser. */
record SlCaiPages(Page page) {

    /** Starts an SL-CAI run, choosing the prompt set, constitution version ("name vN") and policy model by name. */
    void startRun(
            String runName,
            String promptSetName,
            int rounds,
            String constitutionVersion,
            String model,
            int maxNewTokens) {
        new LoginPage(page).navigation().getByText("Runs").click();
        assertThat(page.locator("#run-grid")).isVisible();
        choose("#run-type", "SL-CAI critique and revision");
        assertThat(page.locator("#run-param-rounds")).isVisible(); // the form shows this type's fields
        RunsPages.pick(page, "#run-prompt-set", promptSetName);
        LoginPage.textbox(page, "Run name").fill(runName);
        page.locator("#run-param-rounds input").fill(String.valueOf(rounds));
        RunsPages.pick(page, "#run-constitution", constitutionVersion);
        RunsPages.pick(page, "#run-model-0", model);
        page.getByText("Sampling and execution").click();
        page.getByLabel("Max new tokens", new Page.GetByLabelOptions().setExact(true))
                .fill(String.valueOf(maxNewTokens));
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Start run").setExact(true))
                .click();
        page.waitForURL(url -> url.matches(".*/runs/\\d+$"));
    }

    void openChains() {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Browse chains"))
                .click();
        page.waitForURL(url -> url.matches(".*/runs/\\d+/chains$"));
    }

    void openChain(String promptText) {
        page.locator("#chain-grid").getByText(promptText).click();
    }

    void filterByPrinciple(String key) {
        choose("#principle-filter", key);
    }

    void chooseExportRounds(String label) {
        choose("#export-rounds", label);
    }

    Locator chain() {
        return page.locator("#chain-view");
    }

    Locator rounds() {
        return page.locator("#chain-view .slcai-round");
    }

    private void choose(String selectId, String option) {
        page.locator(selectId).click();
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions().setName(option).setExact(true))
                .click();
    }
}
