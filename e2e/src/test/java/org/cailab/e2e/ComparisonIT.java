package org.cailab.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.cailab.comparison.Campaign;
import org.cailab.comparison.CampaignService;
import org.cailab.comparison.CampaignSettings;
import org.cailab.comparison.ComparisonTask;
import org.cailab.comparison.PoolSnapshot;
import org.cailab.security.NewUser;
import org.cailab.security.Role;
import org.cailab.security.UserService;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.support.ComparisonTestModels;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cailab.db.jooq.Tables.COMPARISON_VOTE;

class ComparisonIT extends BrowserTest {

    @Autowired
    UserService users;
    @Autowired
    CampaignService campaigns;
    @Autowired
    DSLContext dsl;
    @Autowired
    ModelRegistry registry;

    private List<ModelSnapshot> models;

    @BeforeEach
    void tinyModels() {
        models = as("admin", () -> ComparisonTestModels.ensure(registry));
    }

    @Test
    void researcherCreatesACampaign() {
        String researcher = user("res", Role.RESEARCHER);
        String name = "Helpful study " + UUID.randomUUID().toString().substring(0, 6);
        LoginPage login = loginPage();
        login.signInAs(researcher, "password-1");
        login.navigation().getByText("Comparison campaigns").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New campaign")).click();
        LoginPage.textbox(page, "Name").fill(name);
        Locator pool = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Model snapshots (pool)"));
        pool.click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("cmp-tiny-a (PRETRAINED)")).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("cmp-tiny-b (PRETRAINED)")).click();
        pool.press("Escape");
        page.getByLabel("Open for workers").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create campaign")).click();

        assertThat(page.locator("#campaign-grid").getByText(name, new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        Campaign created = as("admin", () -> campaigns.campaigns()).stream()
                .filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        assertThat(created.settings().open()).isTrue();
        assertThat(created.settings().pool()).extracting(PoolSnapshot::name)
                .containsExactlyInAnyOrder("cmp-tiny-a", "cmp-tiny-b");
        assertThat(created.settings().instructions()).isEqualTo(ComparisonTask.HELPFULNESS.defaultInstructions());
    }

    @Test
    void workerComparesWithTheKeyboardAndADoublePressVotesOnce() {
        Campaign campaign = campaign(null);
        String worker = user("worker", Role.WORKER);
        loginPage().signInAs(worker, "password-1");
        ComparisonPage compare = new ComparisonPage(page).open(campaign.id()).dismissGuidelines();
        assertThat(compare.legend()).containsText("A is better");
        assertThat(compare.legend()).containsText("Alt+N");

        compare.recordStreaming();
        compare.sendWithKeyboard("How do I bake bread?");
        assertThat(compare.conversation()).containsText("How do I bake bread?");
        Locator aBetter = compare.voteButton("A is better (A)");
        assertThat(aBetter).isEnabled();
        assertThat(compare.answerPane("A")).hasAttribute("aria-busy", "false");
        String answerA = compare.answerText("A").textContent();
        assertThat(answerA).isNotBlank();
        assertThat(compare.streamedWhileBusy("a")).as("answer A arrived in parts while it was written").isTrue();
        assertThat(compare.streamedWhileBusy("b")).as("answer B arrived in parts while it was written").isTrue();

        page.keyboard().press("a");
        page.keyboard().press("a");
        assertThat(compare.conversation()).containsText(answerA);
        assertThat(page.locator("#notice")).containsText("Vote recorded");
        assertThat(compare.message()).isEnabled();
        assertThat(dsl.fetchCount(COMPARISON_VOTE, COMPARISON_VOTE.CAMPAIGN_ID.eq(campaign.id()))).isEqualTo(1);
        page.waitForTimeout(500);
        assertThat(dsl.fetchCount(COMPARISON_VOTE, COMPARISON_VOTE.CAMPAIGN_ID.eq(campaign.id()))).isEqualTo(1);
    }

    @Test
    void aProlificLinkSignsInAndShowsTheCompletionCodeAfterTheQuota() {
        Campaign campaign = campaign(1);
        String pid = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        page.navigate("/p/" + campaign.id() + "?PROLIFIC_PID=" + pid + "&STUDY_ID=study1&SESSION_ID=session1");
        page.waitForURL(url -> url.endsWith("/compare/" + campaign.id()));
        assertThat(page.locator("#current-user")).hasText("prolific-" + pid);
        ComparisonPage compare = new ComparisonPage(page).dismissGuidelines();
        compare.sendWithKeyboard("Tell me about the sea.");
        assertThat(compare.voteButton("B is better (B)")).isEnabled();
        page.keyboard().press("b");
        assertThat(compare.completionCode()).hasText(campaign.settings().completionCode());
        assertThat(compare.message()).not().isVisible();
    }

    private Campaign campaign(Integer quota) {
        CampaignSettings d = CampaignSettings.defaults("E2E " + UUID.randomUUID().toString().substring(0, 6),
                ComparisonTask.HELPFULNESS, models.stream().limit(2).map(m -> new PoolSnapshot(m.id(), m.name(), 1)).toList());
        CampaignSettings settings = new CampaignSettings(d.name(), d.task(), d.instructions(), d.pool(),
                d.pairDrawing(), d.turnLimit(), d.allowTie(), d.allowBothBad(), null, quota, 0, true,
                d.completionCode());
        return as("admin", () -> campaigns.create(settings));
    }

    private String user(String prefix, Role role) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        as("admin", () -> users.create(new NewUser(name, "password-1", role)));
        return name;
    }

    private static <T> T as(String username, Supplier<T> action) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, AuthorityUtils.createAuthorityList("ROLE_ADMIN", "ROLE_RESEARCHER")));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
