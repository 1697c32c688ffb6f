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

/** Each role's home page starts its work, and the navigation is grouped; screenshots go to target/e2e-screenshots. */
class HomePagesIT extends BrowserTest {

    @Autowired
    UserService users;

    @Test
    void aResearcherSeesThePipelineStepsAndRecentRunsInGroupedNavigation() {
        String researcher = createUser("home-res-" + suffix(), Role.RESEARCHER);
        loginPage().signInAs(researcher, "home-pw-123");
        assertThat(page.locator("#home-pipeline")).containsText("The pipeline");
        assertThat(page.locator("#home-pipeline")
                        .getByRole(
                                AriaRole.LINK,
                                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Prompt sets")))
                .isVisible();
        assertThat(page.locator("#home-pipeline")).containsText("Recent runs");
        assertThat(page.locator("#home-comparisons")).hasCount(0);
        assertThat(page.locator("#home-attention")).hasCount(0);
        assertThat(page.locator("#main-navigation")).containsText("Pipeline");
        assertThat(page.locator("#main-navigation")).containsText("Analysis");
        assertThat(page.locator("#main-navigation").getByText("Users")).hasCount(0);
        screenshot("home-researcher");

        page.locator("#home-pipeline")
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Runs"))
                .click();
        page.waitForURL(url -> url.endsWith("/runs"));
        assertThat(page.locator("#run-grid")).isVisible();
        screenshot("run-form");
    }

    @Test
    void aWorkerSeesTheCampaignsOpenToThemOrWhyThereIsNone() {
        String worker = createUser("home-wrk-" + suffix(), Role.WORKER);
        loginPage().signInAs(worker, "home-pw-123");
        assertThat(page.locator("#home-comparisons")).containsText("Comparisons open to you");
        assertThat(page.locator("#home-redteam")).containsText("Red-team campaigns open to you");
        assertThat(page.locator("#home-pipeline")).hasCount(0);
        assertThat(page.locator("#main-navigation")).containsText("Crowdwork");
        assertThat(page.locator("#main-navigation")).not().containsText("Pipeline");
        screenshot("home-worker");
    }

    @Test
    void anAdminSeesWhatNeedsAttentionAndAdministrationPages() {
        String admin = createUser("home-adm-" + suffix(), Role.ADMIN);
        loginPage().signInAs(admin, "home-pw-123");
        assertThat(page.locator("#home-pipeline")).containsText("The pipeline");
        assertThat(page.locator("#main-navigation")).containsText("Access");
        assertThat(page.locator("#main-navigation").getByText("Users")).isVisible();
        screenshot("home-admin");
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/e2e-screenshots/" + name + ".png"))
                .setFullPage(true));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private String createUser(String name, Role role) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN", "ROLE_RESEARCHER")));
        try {
            users.create(new NewUser(name, "home-pw-123", role));
            return name;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
