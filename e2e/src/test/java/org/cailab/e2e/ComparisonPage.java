package org.cailab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Page object for the workers' comparison page. */
public record ComparisonPage(Page page) {

    public ComparisonPage open(long campaignId) {
        page.navigate("/compare/" + campaignId);
        return this;
    }

    /** Closes the guidelines that the first visit shows. */
    public ComparisonPage dismissGuidelines() {
        Locator gotIt = guidelinesButton();
        assertThat(gotIt).isVisible();
        gotIt.click();
        assertGuidelinesClosed();
        return this;
    }

    /** Waits until the guidelines dialog is gone (its legend repeats the page's). */
    public void assertGuidelinesClosed() {
        assertThat(guidelinesButton()).hasCount(0);
        assertThat(page.getByRole(
                        AriaRole.DIALOG,
                        new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Guidelines"))))
                .hasCount(0);
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

    /** Starts recording, in the browser, every change of the answers' text and whether it was still being written. */
    public void recordStreaming() {
        page.evaluate("""
                () => {
                  window.cmpStream = {a: [], b: []};
                  new MutationObserver(() => {
                    for (const side of ['a', 'b']) {
                      const pane = document.querySelector('#answer-' + side);
                      const text = document.querySelector('#answer-' + side + '-text');
                      if (pane && text) {
                        window.cmpStream[side].push(
                            {busy: pane.getAttribute('aria-busy'), length: text.textContent.length});
                      }
                    }
                  }).observe(document.body, {childList: true, characterData: true, subtree: true, attributes: true});
                }""");
    }

    /** Whether the answer on {@code side} ("a" or "b") showed some text while it was still being written. */
    public boolean streamedWhileBusy(String side) {
        return (Boolean)
                page.evaluate("side => window.cmpStream[side].some(e => e.busy === 'true' && e.length > 0)", side);
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

    /** The link to the read-only transcript of the conversation on the page. */
    public Locator transcriptLink() {
        return page.locator("#conversation-link");
    }

    /** The button that closes the guidelines dialog. */
    public Locator guidelinesButton() {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Got it"));
    }

    public Locator completionCode() {
        return page.locator("#completion-code");
    }
}
