package org.cailab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.cailab.support.AsUser.asAdmin;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.cailab.security.NewUser;
import org.cailab.security.Role;
import org.cailab.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LoginAndRolesIT extends BrowserTest {

    @Autowired
    UserService users;

    @Test
    void wrongPasswordShowsAnErrorAndStaysSignedOut() {
        loginPage().open().signIn("admin", "not-the-password");
        page.waitForURL(url -> url.contains("error"));
        assertThat(page.getByText("Incorrect username or password")).isVisible();
        page.navigate("/admin/users");
        page.waitForURL(url -> url.contains("/login"));
    }

    @Test
    void adminCreatesResearcherWhoCanSignInButNotManageUsers() {
        String name = "res-" + UUID.randomUUID().toString().substring(0, 6);
        LoginPage login = loginPage();
        login.signInAs("admin", ADMIN_PASSWORD);
        login.navigation().getByText("Users").click();
        LoginPage.textbox(page, "New user name").fill(name);
        LoginPage.textbox(page, "Initial password").fill("researcher-pw");
        page.locator("#new-user-role").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Researcher"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create user"))
                .click();
        // the grid is virtualised and the shared test database holds many users: check the confirmation instead
        assertThat(page.getByText("Created user " + name + " (Researcher).")).isVisible();
        assertThat(page.locator("#new-user-error")).isEmpty();
        login.signOut();

        login.signInAs(name, "researcher-pw");
        assertThat(login.navigation().getByText("Home")).isVisible();
        assertThat(login.navigation().getByText("Users")).hasCount(0);
        page.navigate("/admin/users");
        assertThat(page.getByText("Page not available")).isVisible();
        assertThat(page.locator("#user-grid")).hasCount(0);
    }

    @Test
    void workerSeesOnlyWorkerPages() {
        String name = "worker-" + UUID.randomUUID().toString().substring(0, 6);
        asAdmin(() -> users.create(new NewUser(name, "worker-pass", Role.WORKER)));
        LoginPage login = loginPage();
        login.signInAs(name, "worker-pass");
        assertThat(login.navigation().getByText("Account")).isVisible();
        assertThat(login.navigation().getByText("Users")).hasCount(0);
        page.navigate("/admin/users");
        assertThat(page.getByText("Page not available")).isVisible();
    }

    @Test
    void healthIsPublicButDetailsAreForAdmins() {
        page.navigate("/actuator/health");
        assertThat(page.locator("body")).containsText("\"status\":\"UP\"");
        assertThat(page.locator("body")).not().containsText("\"db\"");
        loginPage().signInAs("admin", ADMIN_PASSWORD);
        page.navigate("/actuator/health");
        assertThat(page.locator("body")).containsText("\"db\"");
    }
}
