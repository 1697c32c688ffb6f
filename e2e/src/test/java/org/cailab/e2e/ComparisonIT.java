package org.cailab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cailab.db.jooq.Tables.COMPARISON_VOTE;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.cailab.comparison.Campaign;
import org.cailab.comparison.CampaignService;
import org.cailab.comparison.CampaignSettings;
import org.cailab.comparison.ComparisonTask;
import org.cailab.crowdwork.PoolSnapshot;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.security.NewUser;
import org.cailab.security.Role;
import org.cailab.security.UserService;
import org.cailab.support.ComparisonTestModels;
import org.cailab.support.StudyLinks;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

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
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New campaign"))
                .click();
        LoginPage.textbox(page, "Name").fill(name);
        Locator pool = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Model snapshots (pool)"));
        // the shared test database holds many snapshots: filter by typing, as a researcher would
        pool.fill("cmp-tiny-a");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("cmp-tiny-a (PRETRAINED)"))
                .click();
        pool.fill("cmp-tiny-b");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("cmp-tiny-b (PRETRAINED)"))
                .click();
        pool.press("Escape");
        // a new campaign is open unless the researcher says otherwise, and allows "both bad"
        assertThat(page.getByLabel("Open now: workers can start at once")).isChecked();
        assertThat(page.getByLabel("Allow \"both bad\"")).isChecked();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create campaign"))
                .click();

        assertThat(page.locator("#campaign-grid").getByText(name, new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        Campaign created = as("admin", () -> campaigns.campaigns()).stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(created.settings().open()).isTrue();
        assertThat(created.settings().allowBothBad()).isTrue();

        // the details show the full study link; the copy button puts it on the clipboard
        page.context().grantPermissions(java.util.List.of("clipboard-read", "clipboard-write"));
        page.locator("#campaign-grid")
                .getByText(name, new Locator.GetByTextOptions().setExact(true))
                .click();
        Locator link = page.locator("#study-link-" + created.id() + " input");
        String expected = "http://localhost:" + port + as("admin", () -> campaigns.studyLink(created.id()));
        assertThat(link).hasValue(expected);
        page.locator("#study-link-" + created.id() + "-copy").click();
        assertThat(page.getByText("Study link copied.")).isVisible();
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => navigator.clipboard.readText()"))
                .isEqualTo(expected);

        // closing asks first
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Close " + name).setExact(true))
                .click();
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Close campaign").setExact(true))
                .click();
        assertThat(page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Open " + name).setExact(true)))
                .isVisible();
        org.assertj.core.api.Assertions.assertThat(as("admin", () -> campaigns.campaign(created.id()))
                        .settings()
                        .open())
                .isFalse();
        assertThat(created.settings().pool())
                .extracting(PoolSnapshot::name)
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
        assertThat(compare.streamedWhileBusy("a"))
                .as("answer A arrived in parts while it was written")
                .isTrue();
        assertThat(compare.streamedWhileBusy("b"))
                .as("answer B arrived in parts while it was written")
                .isTrue();

        page.keyboard().press("a");
        page.keyboard().press("a");
        assertThat(compare.conversation()).containsText(answerA);
        assertThat(page.locator("#notice")).containsText("Vote recorded");
        assertThat(compare.message()).isEnabled();
        assertThat(dsl.fetchCount(COMPARISON_VOTE, COMPARISON_VOTE.CAMPAIGN_ID.eq(campaign.id())))
                .isEqualTo(1);
        page.waitForTimeout(500);
        assertThat(dsl.fetchCount(COMPARISON_VOTE, COMPARISON_VOTE.CAMPAIGN_ID.eq(campaign.id())))
                .isEqualTo(1);
    }

    @Test
    void aWorkerHoldsAThreeTurnConversationWithTheKeyboardAlone() {
        Campaign campaign = campaign(models, null);
        String worker = user("worker", Role.WORKER);
        loginPage().signInAs(worker, "password-1");
        ComparisonPage compare = new ComparisonPage(page).open(campaign.id());
        // from here on only keys: Escape closes the guidelines, typing and Enter send, A and B vote
        assertThat(compare.guidelinesButton()).isVisible();
        page.keyboard().press("Escape");
        compare.assertGuidelinesClosed();

        String[] messages = {"How do I bake bread?", "And without yeast?", "Thanks! Anything else to know?"};
        String[] sides = {"A", "B", "A"};
        List<String> chosen = new ArrayList<>();
        for (int turn = 0; turn < messages.length; turn++) {
            assertThat(compare.message()).isEnabled();
            assertThat(compare.message()).isFocused();
            page.keyboard().type(messages[turn]);
            page.keyboard().press("Enter");
            assertThat(compare.voteButton(sides[turn] + " is better (" + sides[turn] + ")"))
                    .isEnabled();
            assertThat(compare.answerPane(sides[turn])).hasAttribute("aria-busy", "false");
            chosen.add(compare.answerText(sides[turn]).textContent());
            page.keyboard().press(sides[turn].toLowerCase(Locale.ROOT));
            assertThat(compare.conversation().locator(".cmp-assistant")).hasCount(turn + 1);
        }

        assertThat(compare.conversation().locator(".cmp-human .cmp-text")).hasText(messages);
        assertThat(compare.conversation().locator(".cmp-assistant .cmp-text")).hasText(chosen.toArray(String[]::new));
        assertThat(page.locator("#progress")).hasText("Comparisons done: 3");
        var votes = dsl.selectFrom(COMPARISON_VOTE)
                .where(COMPARISON_VOTE.CAMPAIGN_ID.eq(campaign.id()))
                .orderBy(COMPARISON_VOTE.ID)
                .fetch();
        assertThat(votes).hasSize(3);
        assertThat(votes).extracting(v -> v.getChoice()).containsExactly(sides);
        assertThat(votes)
                .extracting(v -> v.getConversationId())
                .containsOnly(votes.get(0).getConversationId());
        assertThat(votes.get(2).getConversation())
                .isEqualTo("\n\nHuman: " + messages[0] + "\n\nAssistant: " + chosen.get(0)
                        + "\n\nHuman: " + messages[1] + "\n\nAssistant: " + chosen.get(1)
                        + "\n\nHuman: " + messages[2] + "\n\nAssistant:");
        assertThat(votes.get(2).getAnswerA()).isEqualTo(chosen.get(2));
    }

    @Test
    void noModelNameReachesTheWorkersPage() {
        Campaign campaign = campaign(models, null);
        // the pool's names and what kind of snapshot they are
        List<String> secrets = new ArrayList<>(
                campaign.settings().pool().stream().map(PoolSnapshot::name).toList());
        models.subList(0, 2).stream().map(m -> m.kind().name()).distinct().forEach(secrets::add);
        assertThat(secrets).contains("cmp-tiny-a", "cmp-tiny-b", "PRETRAINED");
        String worker = user("worker", Role.WORKER);
        loginPage().signInAs(worker, "password-1");
        // everything the server sends from here on: the page's document, then UIDL responses and pushed frames (the
        // page is loaded once; the transcript view comes through UIDL too)
        List<String> pushed = new CopyOnWriteArrayList<>();
        page.onWebSocket(socket -> socket.onFrameReceived(frame -> pushed.add(String.valueOf(frame.text()))));
        Response document = page.navigate("/compare/" + campaign.id());
        assertNoSecret(document.text(), secrets, "the page's document");
        List<Response> responses = new CopyOnWriteArrayList<>();
        page.onResponse(responses::add);
        ComparisonPage compare = new ComparisonPage(page).dismissGuidelines();

        compare.sendWithKeyboard("Who are you, and which model is answering?");
        assertNoSecret(page.content(), secrets, "the page right after sending");
        assertThat(compare.voteButton("A is better (A)")).isEnabled();
        assertNoSecret(page.content(), secrets, "the page with both answers");
        page.keyboard().press("a");
        assertThat(compare.conversation().locator(".cmp-assistant")).hasCount(1);
        assertNoSecret(page.content(), secrets, "the page after the vote");
        compare.transcriptLink().click();
        assertThat(page.locator("#conversation-summary")).containsText("1 of at most");
        assertNoSecret(page.content(), secrets, "the transcript page");

        assertThat(page.url()).as("no reload").contains("/conversation/");
        assertThat(responses).isNotEmpty();
        for (Response response : responses) {
            assertNoSecret(response.text(), secrets, response.url());
        }
        assertThat(pushed).as("answers stream through push").isNotEmpty();
        pushed.forEach(frame -> assertNoSecret(frame, secrets, "a pushed frame"));
    }

    @Test
    void markupInAModelAnswerAndInTheWorkersMessageShowsAsTextAndRunsNothing() {
        String reply = "<img src=x onerror=alert(1)> <script>window.__xss=1</script>";
        List<ModelSnapshot> xssModels = as("admin", () -> ComparisonTestModels.scripted(registry, "cmp-xss", reply));
        Campaign campaign = campaign(xssModels, null);
        List<String> dialogs = new CopyOnWriteArrayList<>();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        String worker = user("worker", Role.WORKER);
        loginPage().signInAs(worker, "password-1");
        ComparisonPage compare = new ComparisonPage(page).open(campaign.id()).dismissGuidelines();
        String mine = "<b>bold</b><img src=y onerror=alert(2)><script>window.__xss=2</script>";

        compare.sendWithKeyboard(mine);
        assertThat(compare.voteButton("A is better (A)")).isEnabled();
        // the scripted model samples at temperature 1 and, for a message this unlike its training, now and then
        // goes on after its reply ("reply\uFFFD reply" in one clean-clone run): what matters here is that the
        // markup arrives as text, so the answers must contain it, not equal it
        assertThat(compare.answerText("A")).containsText(reply);
        assertThat(compare.answerText("B")).containsText(reply);
        assertThat(compare.conversation().locator(".cmp-human .cmp-text")).hasText(mine);
        assertNoMarkup(page.locator("#answer-a, #answer-b, #conversation"));
        page.keyboard().press("a");
        assertThat(compare.conversation().locator(".cmp-assistant .cmp-text")).containsText(reply);
        assertNoMarkup(page.locator("#conversation"));

        compare.transcriptLink().click();
        assertThat(page.locator(".cmp-assistant .cmp-text")).containsText(reply);
        assertThat(page.locator(".cmp-human .cmp-text")).hasText(mine);
        assertNoMarkup(page.locator("#conversation"));

        page.waitForTimeout(500); // an injected image would have failed to load and fired its handler by now
        assertThat(page.locator("img[src=x], img[src=y], b")).hasCount(0);
        assertThat(page.evaluate("() => typeof window.__xss")).isEqualTo("undefined");
        assertThat(dialogs).as("alert dialogs").isEmpty();
    }

    @Test
    void aWorkerCannotOpenAnotherWorkersConversation() {
        Campaign campaign = campaign(models, null);
        String owner = user("worker", Role.WORKER);
        String other = user("worker", Role.WORKER);
        LoginPage login = loginPage();
        login.signInAs(owner, "password-1");
        ComparisonPage compare = new ComparisonPage(page).open(campaign.id()).dismissGuidelines();
        compare.sendWithKeyboard("My private question about my neighbour");
        assertThat(compare.voteButton("B is better (B)")).isEnabled();
        page.keyboard().press("b");
        assertThat(compare.conversation().locator(".cmp-assistant")).hasCount(1);
        String href = compare.transcriptLink().getAttribute("href");
        assertThat(href).matches("compare/" + campaign.id() + "/conversation/[0-9]+");
        compare.transcriptLink().click();
        assertThat(page.getByText("My private question about my neighbour")).isVisible();
        login.signOut();

        login.signInAs(other, "password-1");
        Response response = page.navigate("/" + href);
        assertThat(page.getByText("Page not available")).isVisible();
        assertThat(page.content()).doesNotContain("My private question");
        // exactly what an address that exists for nobody gives (Vaadin answers its page shell before routing)
        Response nobodys = page.navigate("/compare/" + campaign.id() + "/conversation/999999999");
        assertThat(page.getByText("Page not available")).isVisible();
        assertThat(response.status()).isEqualTo(nobodys.status());
        // nor does their own comparison page show it
        ComparisonPage theirs = new ComparisonPage(page).open(campaign.id()).dismissGuidelines();
        assertThat(theirs.message()).isEnabled();
        assertThat(page.content()).doesNotContain("My private question");
        assertThat(theirs.transcriptLink().getAttribute("href")).isNotEqualTo(href);
    }

    @Test
    void aProlificLinkSignsInAndShowsTheCompletionCodeAfterTheQuota() {
        Campaign campaign = campaign(1);
        String pid = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        page.navigate(
                StudyLinks.fill(as("admin", () -> campaigns.studyLink(campaign.id())), pid, "study1", "session1"));
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
        return campaign(models.subList(0, 2), quota);
    }

    private Campaign campaign(List<ModelSnapshot> pool, Integer quota) {
        CampaignSettings d = CampaignSettings.defaults(
                "E2E " + UUID.randomUUID().toString().substring(0, 6),
                ComparisonTask.HELPFULNESS,
                pool.stream().map(m -> new PoolSnapshot(m.id(), m.name(), 1)).toList());
        CampaignSettings settings = new CampaignSettings(
                d.name(),
                d.task(),
                d.instructions(),
                d.pool(),
                d.pairDrawing(),
                d.turnLimit(),
                d.allowTie(),
                d.allowBothBad(),
                null,
                quota,
                0,
                true,
                d.completionCode());
        return as("admin", () -> campaigns.create(settings));
    }

    private static void assertNoSecret(String text, List<String> secrets, String where) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String secret : secrets) {
            assertThat(lower).as("'%s' in %s", secret, where).doesNotContain(secret.toLowerCase(Locale.ROOT));
        }
    }

    /** Nothing inside {@code where} is an element that text could have become. */
    private static void assertNoMarkup(Locator where) {
        assertThat(where.locator("img, script, b, iframe, svg")).hasCount(0);
    }

    private String user(String prefix, Role role) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        as("admin", () -> users.create(new NewUser(name, "password-1", role)));
        return name;
    }

    private static <T> T as(String username, Supplier<T> action) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username, null, AuthorityUtils.createAuthorityList("ROLE_ADMIN", "ROLE_RESEARCHER")));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
