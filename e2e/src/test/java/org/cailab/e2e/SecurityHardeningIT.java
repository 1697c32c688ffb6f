package org.cailab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cailab.support.AsUser.asAdmin;

import com.microsoft.playwright.APIResponse;
import java.util.List;
import java.util.UUID;
import org.cailab.comparison.Campaign;
import org.cailab.comparison.CampaignService;
import org.cailab.comparison.CampaignSettings;
import org.cailab.comparison.ComparisonTask;
import org.cailab.crowdwork.PoolSnapshot;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.security.NewUser;
import org.cailab.security.Role;
import org.cailab.security.UserAccount;
import org.cailab.security.UserService;
import org.cailab.support.ComparisonTestModels;
import org.cailab.support.StudyLinks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Study links, sessions of changed accounts and forced password changes, in Chromium against the real app. */
class SecurityHardeningIT extends BrowserTest {

    @Autowired
    CampaignService campaigns;

    @Autowired
    UserService users;

    @Autowired
    ModelRegistry registry;

    private List<ModelSnapshot> models;

    @BeforeEach
    void models() {
        models = asAdmin(() -> ComparisonTestModels.ensure(registry));
    }

    @Test
    void aClosedStudysLinkSaysSo() {
        Campaign closed = campaign(false);
        page.navigate(StudyLinks.fill(link(closed), StudyLinks.newPid(), "s", "x"));
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING))
                .hasText("This study is closed");
    }

    @Test
    void aParticipantOpensOnlyTheCampaignTheyEnteredByLink() {
        Campaign entered = campaign(true);
        Campaign other = campaign(true);
        String pid = StudyLinks.newPid();
        page.navigate(StudyLinks.fill(link(entered), pid, "s", "x"));
        page.waitForURL(url -> url.endsWith("/compare/" + entered.id()));
        assertThat(page.locator("#current-user")).hasText("prolific-" + pid);
        page.navigate("/compare/" + other.id());
        assertThat(page.getByText("There is no campaign " + other.id())).isVisible();
        page.navigate("/compare");
        assertThat(page.getByText(entered.name())).isVisible();
        assertThat(page.getByText(other.name())).hasCount(0);
    }

    @Test
    void aStudyLinkDoesNotReplaceAResearchersSession() {
        String name = user(Role.RESEARCHER);
        loginPage().signInAs(name, "researcher-pw");
        page.navigate(StudyLinks.fill(link(campaign(true)), StudyLinks.newPid(), "s", "x"));
        assertThat(page.locator("#study-link-message")).containsText("You are signed in as " + name);
        page.navigate("/");
        assertThat(page.locator("#current-user")).hasText(name);
    }

    @Test
    void aDemotedResearchersOpenSessionEndsAtOnce() {
        String name = user(Role.RESEARCHER);
        loginPage().signInAs(name, "researcher-pw");
        APIResponse before = page.request().get("/api/ratings?task=helpfulness");
        assertThat(before.status()).isEqualTo(200);
        UserAccount account = asAdmin(() -> users.findAll()).stream()
                .filter(u -> u.username().equals(name))
                .findFirst()
                .orElseThrow();
        asAdmin(() -> users.update(account, Role.WORKER, true));
        assertThat(page.request().get("/api/ratings?task=helpfulness").status()).isEqualTo(401);
        page.navigate("/runs");
        page.waitForURL(url -> url.contains("/login"));
    }

    @Test
    void aResetPasswordMustBeChangedAtTheNextSignIn() {
        String name = user(Role.RESEARCHER);
        UserAccount account = asAdmin(() -> users.findAll()).stream()
                .filter(u -> u.username().equals(name))
                .findFirst()
                .orElseThrow();
        asAdmin(() -> users.resetPassword(account.id(), "chosen-by-admin"));
        loginPage().open().signIn(name, "chosen-by-admin");
        page.waitForURL(url -> url.contains("/account"));
        assertThat(page.locator("#must-change-password")).isVisible();
        page.navigate("/runs");
        page.waitForURL(url -> url.contains("/account"));
        LoginPage.textbox(page, "Current password").fill("chosen-by-admin");
        LoginPage.textbox(page, "New password").fill("my-own-password");
        LoginPage.textbox(page, "Repeat new password").fill("my-own-password");
        page.getByText("Change password", new com.microsoft.playwright.Page.GetByTextOptions().setExact(true))
                .last()
                .click();
        assertThat(page.getByText("Password changed.")).isVisible();
        // the session that changed the password goes on, and is no longer sent back to the account page
        page.navigate("/runs");
        page.waitForURL(url -> url.endsWith("/runs"));
        assertThat(page.locator("#current-user")).hasText(name);
    }

    private String user(Role role) {
        String name = "hard-" + UUID.randomUUID().toString().substring(0, 6);
        asAdmin(() -> users.create(new NewUser(name, "researcher-pw", role)));
        return name;
    }

    private Campaign campaign(boolean open) {
        List<PoolSnapshot> pool =
                models.stream().map(m -> new PoolSnapshot(m.id(), m.name(), 1)).toList();
        CampaignSettings settings = CampaignSettings.defaults(
                        "Hard " + UUID.randomUUID().toString().substring(0, 8), ComparisonTask.HELPFULNESS, pool)
                .withOpen(open);
        return asAdmin(() -> campaigns.create(settings));
    }

    private String link(Campaign campaign) {
        return asAdmin(() -> campaigns.studyLink(campaign.id()));
    }
}
