package org.cailab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Page object for the sign-in page and the sign-out button of the main layout. */
public record LoginPage(Page page) {

    public LoginPage open() {
        page.navigate("/login");
        assertThat(textbox(page, "Username")).isVisible();
        return this;
    }

    public void signIn(String username, String password) {
        textbox(page, "Username").fill(username);
        textbox(page, "Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
    }

    /** Signs in and waits until the main layout shows the user (Security 7 redirects to {@code /?continue}). */
    public void signInAs(String username, String password) {
        open();
        signIn(username, password);
        page.waitForURL(url -> !url.contains("/login"));
        assertThat(page.locator("#current-user")).hasText(username);
    }

    public void signOut() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        page.waitForURL(url -> url.contains("/login"));
    }

    /** A text or password field by its exact label (a bare label match would also hit the "show password" button). */
    public static Locator textbox(Page page, String label) {
        return page.getByRole(
                AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName(label).setExact(true));
    }

    public Locator navigation() {
        return page.getByRole(AriaRole.NAVIGATION);
    }
}
