package org.cailab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Page object for the workers' red-team page. */
public record RedTeamPage(Page page) {

    public RedTeamPage open(long campaignId) {
        page.navigate("/redteam/" + campaignId);
        return this;
    }

    /** Closes the guidelines that the first visit shows. */
    public RedTeamPage dismissGuidelines() {
        Locator gotIt = button("Got it");
        assertThat(gotIt).isVisible();
        gotIt.click();
        assertThat(gotIt).hasCount(0);
        return this;
    }

    public Locator taskDescription() {
        return page.getByRole(
                AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("What are you trying to get the model to do?"));
    }

    /** Describes the task and starts the attempt with Enter. */
    public void startWithKeyboard(String task) {
        taskDescription().click();
        taskDescription().pressSequentially(task);
        taskDescription().press("Enter");
        assertThat(page.locator("#task")).hasText("Your task: " + task);
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

    /** Starts recording, in the browser, every change of the streamed answer and whether it was still being written. */
    public void recordStreaming() {
        page.evaluate("""
                () => {
                  window.rtStream = [];
                  new MutationObserver(() => {
                    const reply = document.querySelector('#reply');
                    const text = document.querySelector('#reply-text');
                    if (reply && text) {
                      window.rtStream.push({busy: reply.getAttribute('aria-busy'), length: text.textContent.length});
                    }
                  }).observe(document.body, {childList: true, characterData: true, subtree: true, attributes: true});
                }""");
    }

    /** Whether the answer showed some text while it was still being written. */
    public boolean streamedWhileBusy() {
        return (Boolean) page.evaluate("() => window.rtStream.some(e => e.busy === 'true' && e.length > 0)");
    }

    public Locator finishButton() {
        return button("Finish and rate (Alt+R)");
    }

    public Locator ratingPanel() {
        return page.locator("#rating-panel");
    }

    public Locator successOption(int rating) {
        return page.locator("#success-rating")
                .getByRole(
                        AriaRole.RADIO,
                        new Locator.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^" + rating + " - ")));
    }

    public Locator conversation() {
        return page.getByRole(AriaRole.LOG, new Page.GetByRoleOptions().setName("Conversation so far"));
    }

    public Locator notice() {
        return page.locator("#notice");
    }

    public Locator legend() {
        return page.locator("#shortcut-legend");
    }

    public Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
