package org.cailab.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Page object for the workers' comparison page. */
public record ComparisonPage(Page page) {

    public ComparisonPage open(long campaignId) {
        page.navigate("/compare/" + campaignId);
        return this;
    }

    /** Closes the guidelines that the first visit shows. */
    public ComparisonPage dismissGuidelines() {
        Locator gotIt = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Got it"));
        assertThat(gotIt).isVisible();
        gotIt.click();
        assertThat(gotIt).hasCount(0);
        return this;
    }

    public Locator message() {
        return page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Your message"));
    }

    /** Types a message and sends it with Enter. */
    public void sendWithKeyboard(String text) {
        message().click();
        message().pressSequentially(text);
        message().press("Enter");
    }

    public Locator answerText(String side) {
        return page.locator("#answer-" + side.toLowerCase() + "-text");
    }

    public Locator answerPane(String side) {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Answer " + side));
    }

    public Locator voteButton(String label) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(label));
    }

    public Locator conversation() {
        return page.getByRole(AriaRole.LOG, new Page.GetByRoleOptions().setName("Conversation so far"));
    }

    public Locator legend() {
        return page.locator("#shortcut-legend");
    }

    public Locator completionCode() {
        return page.locator("#completion-code");
    }
}
