package org.cailab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.UUID;
import org.cailab.security.NewUser;
import org.cailab.security.Role;
import org.cailab.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** The Users page finds one account among hundreds, filters by role and keeps study participants apart. */
class UsersPageIT extends BrowserTest {

    @Autowired
    UserService users;

    @Test
    void anAdminSearchesFiltersAndPagesThroughTwoHundredUsers() {
        String prefix = "u" + UUID.randomUUID().toString().substring(0, 6);
        String admin = prefix + "-admin";
        asAdmin(() -> {
            users.create(new NewUser(admin, "users-page-pw", Role.ADMIN));
            for (int i = 0; i < 200; i++) {
                users.create(new NewUser(
                        prefix + "-%03d".formatted(i), "users-page-pw", i % 4 == 0 ? Role.RESEARCHER : Role.WORKER));
            }
            for (int i = 0; i < 3; i++) {
                users.findOrCreateExternalWorker(UserService.PARTICIPANT_PREFIX + prefix + "p" + i);
            }
        });
        loginPage().signInAs(admin, "users-page-pw");
        page.navigate("/admin/users");
        assertThat(page.locator("#user-grid")).isVisible();

        page.locator("#user-search input").fill(prefix + "-");
        assertThat(page.locator("#user-count")).hasText("201 accounts");
        // the grid loads rows page by page: the last one appears once scrolled to
        page.locator("#user-grid").evaluate("grid => grid.scrollToIndex(200)");
        assertThat(page.locator("#user-grid")
                        .getByText(
                                prefix + "-199",
                                new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true)))
                .isVisible();

        page.locator("#user-search input").fill(prefix + "-137");
        assertThat(page.locator("#user-count")).hasText("1 account");
        assertThat(page.locator("#user-grid")
                        .getByText(
                                prefix + "-137",
                                new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true)))
                .isVisible();

        page.locator("#user-search input").fill(prefix);
        page.locator("#user-role-filter").click();
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions().setName("Researcher").setExact(true))
                .click();
        assertThat(page.locator("#user-count")).hasText("50 accounts");

        page.locator("#user-role-filter").click();
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions().setName("All roles").setExact(true))
                .click();
        page.locator("#user-accounts-filter").click();
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions()
                                .setName("Study participants")
                                .setExact(true))
                .click();
        assertThat(page.locator("#user-count")).hasText("3 accounts");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/e2e-screenshots/users-page.png")));
    }

    private static void asAdmin(Runnable action) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN", "ROLE_RESEARCHER")));
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
