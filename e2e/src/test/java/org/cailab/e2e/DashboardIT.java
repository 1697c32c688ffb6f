package org.cailab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cailab.support.Voting.asAdmin;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import java.util.List;
import java.util.regex.Pattern;
import org.cailab.comparison.Campaign;
import org.cailab.comparison.CampaignService;
import org.cailab.comparison.ComparisonService;
import org.cailab.comparison.ComparisonTask;
import org.cailab.comparison.RatingVote;
import org.cailab.crowdwork.PoolSnapshot;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.NewSnapshot;
import org.cailab.model.SnapshotKind;
import org.cailab.redteam.PendingReply;
import org.cailab.redteam.RatingRequest;
import org.cailab.redteam.RedTeamCampaign;
import org.cailab.redteam.RedTeamCampaignService;
import org.cailab.redteam.RedTeamCampaignSettings;
import org.cailab.redteam.RedTeamService;
import org.cailab.redteam.ReplyListener;
import org.cailab.redteam.ReplySubscription;
import org.cailab.security.Role;
import org.cailab.security.UserService;
import org.cailab.support.ComparisonTestModels;
import org.cailab.support.Voting;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A worker votes in the browser; the researcher's dashboards show the snapshots with their numbers, and the numbers
 * change while the page stays open when the worker votes again.
 */
class DashboardIT extends BrowserTest {

    @Autowired
    UserService users;

    @Autowired
    CampaignService campaigns;

    @Autowired
    ComparisonService comparisons;

    @Autowired
    ModelRegistry registry;

    @Autowired
    RedTeamCampaignService redTeamCampaigns;

    @Autowired
    RedTeamService redTeam;

    @Test
    void theLeaderboardAndTheParetoChartFollowAWorkersVotesLive() {
        Voting voting = new Voting(users, campaigns, comparisons);
        List<ModelSnapshot> pair = runSnapshots();
        List<String> pageErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onPageError(pageErrors::add);
        Campaign helpful = voting.campaign(ComparisonTask.HELPFULNESS, pair);
        Campaign harmless = voting.campaign(ComparisonTask.HARMLESSNESS, pair);
        String worker = voting.user("dash-worker", Role.WORKER);
        String researcher = voting.user("dash-res", Role.RESEARCHER);

        loginPage().signInAs(worker, "password-1");
        voteOnce(new ComparisonPage(page).open(helpful.id()).dismissGuidelines(), "a");
        voteOnce(new ComparisonPage(page).open(harmless.id()).dismissGuidelines(), "b");
        loginPage().signOut();

        loginPage().signInAs(researcher, "password-1");
        DashboardPage dashboard = new DashboardPage(page).open();
        long votes = ratedVotes(ComparisonTask.HELPFULNESS);
        assertThat(dashboard.summary("helpfulness")).containsText(votes + " rated votes");
        for (ModelSnapshot snapshot : pair) {
            assertThat(dashboard.cell("helpfulness", snapshot.name(), "votes"))
                    .hasText(String.valueOf(votesOf(ComparisonTask.HELPFULNESS, snapshot.name())));
            assertThat(dashboard.cell("harmlessness", snapshot.name(), "votes"))
                    .hasText(String.valueOf(votesOf(ComparisonTask.HARMLESSNESS, snapshot.name())));
        }
        assertThat(dashboard.paretoChart()).hasAttribute("data-rendered", Pattern.compile("[1-9]\\d*"));
        assertThat(dashboard.seriesItemNames(dashboard.paretoChart()))
                .contains(pair.get(0).name(), pair.get(1).name());
        assertThat(dashboard.tooltipLines(dashboard.paretoChart(), pair.get(0).name()))
                .anySatisfy(line -> assertThat(line).startsWith("Helpfulness: "))
                .anySatisfy(line -> assertThat(line).startsWith("Harmlessness: "));
        assertThat(dashboard.tooltipFormatterIsAFunction(dashboard.paretoChart()))
                .isTrue();

        String aVotes =
                dashboard.cell("helpfulness", pair.get(0).name(), "votes").textContent();
        String aRating =
                dashboard.cell("helpfulness", pair.get(0).name(), "rating").textContent();
        int rendered = dashboard.renderCount(dashboard.paretoChart());
        page.evaluate("() => window.dashboardNotReloaded = true");

        // the worker votes again in another browser while the researcher's page stays open
        try (BrowserContext other =
                page.context().browser().newContext(new Browser.NewContextOptions().setBaseURL(baseUrl()))) {
            Page workerPage = other.newPage();
            new LoginPage(workerPage).signInAs(worker, "password-1");
            voteOnce(new ComparisonPage(workerPage).open(helpful.id()), "a");
        }

        assertThat(dashboard.summary("helpfulness")).containsText((votes + 1) + " rated votes");
        assertThat(dashboard.cell("helpfulness", pair.get(0).name(), "votes"))
                .not()
                .hasText(aVotes);
        assertThat(dashboard.cell("helpfulness", pair.get(0).name(), "rating"))
                .not()
                .hasText(aRating);
        page.waitForCondition(() -> dashboard.renderCount(dashboard.paretoChart()) > rendered);
        assertThat((Boolean) page.evaluate("() => window.dashboardNotReloaded === true"))
                .as("no reload")
                .isTrue();

        // the run's two snapshots in step order on the rating-vs-step chart (a line and its interval band)
        assertThat(dashboard.stepChart("helpfulness")).hasAttribute("data-rendered", Pattern.compile("[1-9]\\d*"));
        // other tests' rated runs (e.g. a pipeline experiment) share the database, so only this run's points count
        List<String> ours = List.of(pair.get(0).name(), pair.get(1).name());
        assertThat(dashboard.seriesItemNames(dashboard.stepChart("helpfulness")))
                .filteredOn(ours::contains)
                .containsExactlyElementsOf(ours);
        java.nio.file.Path shots = java.nio.file.Path.of("target", "e2e-screenshots");
        dashboard
                .paretoChart()
                .screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                        .setPath(shots.resolve("dashboard-pareto.png")));
        dashboard
                .stepChart("helpfulness")
                .screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                        .setPath(shots.resolve("dashboard-steps.png")));
        dashboard
                .leaderboard("helpfulness")
                .screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                        .setPath(shots.resolve("dashboard-leaderboard.png")));
        // a red-team rating of the later snapshot appears in the absolute harmfulness charts, live as well
        Locator harm = page.locator("#harmfulness-chart");
        int harmRendered = dashboard.renderCount(harm);
        rateRedTeamAttempt(worker, pair.get(1), 3);
        page.waitForCondition(() -> dashboard.renderCount(harm) > harmRendered);
        page.waitForCondition(
                () -> dashboard.seriesItemNames(harm).contains(pair.get(1).name()));
        assertThat(dashboard.tooltipLines(harm, pair.get(1).name()))
                .first()
                .asString()
                .startsWith("Red team: mean 3.00")
                .contains("1 attempts");
        assertThat(dashboard.seriesItemNames(page.locator("#harmfulness-step-chart")))
                .contains(pair.get(1).name());
        page.waitForTimeout(500); // let the update's animation finish before the picture
        harm.screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(shots.resolve("dashboard-harmfulness.png")));
        assertThat(pageErrors).as("no script errors").isEmpty();

        // the researcher's browser session also reads the JSON endpoint
        com.microsoft.playwright.APIResponse json = page.request().get("/api/ratings?task=helpfulness&bootstrap=10");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.text())
                .contains("\"helpfulness\"", pair.get(0).name(), pair.get(1).name());
    }

    @Test
    void aResearcherCreatesAnApiKeyThatWorksWithoutASessionUntilRevoked() {
        String researcher = new Voting(users, campaigns, comparisons).user("key-res", Role.RESEARCHER);
        loginPage().signInAs(researcher, "password-1");
        loginPage().navigation().getByText("API keys").click();
        LoginPage.textbox(page, "Key name").fill("notebook");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key"))
                .click();
        Locator shown = page.locator("#new-api-key input");
        assertThat(shown).hasValue(Pattern.compile("cai_[A-Za-z0-9_-]{43}"));
        String key = shown.inputValue();
        assertThat(page.locator("#api-key-grid")).containsText("notebook");
        assertThat(page.locator("#api-key-grid")).containsText(key.substring(0, 10));
        assertThat(page.locator("#api-key-grid")).not().containsText(key);

        try (BrowserContext script =
                page.context().browser().newContext(new Browser.NewContextOptions().setBaseURL(baseUrl()))) {
            RequestOptions withKey = RequestOptions.create().setHeader("Authorization", "Bearer " + key);
            assertThat(script.request()
                            .get("/api/ratings?task=harmlessness", withKey)
                            .status())
                    .isEqualTo(200);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke notebook"))
                    .click();
            assertThat(page.locator("#api-key-grid")).containsText("revoked");
            assertThat(script.request()
                            .get("/api/ratings?task=harmlessness", withKey)
                            .status())
                    .isEqualTo(401);
        }
    }

    @Test
    void aWorkerCannotOpenTheDashboards() {
        Voting voting = new Voting(users, campaigns, comparisons);
        String worker = voting.user("dash-nosy", Role.WORKER);
        loginPage().signInAs(worker, "password-1");
        assertThat(loginPage().navigation().getByText("Dashboards")).hasCount(0);
        page.navigate("/dashboard");
        assertThat(page.getByText("Page not available")).isVisible();
        assertThat(page.locator("#pareto-chart")).hasCount(0);
    }

    /** Two snapshots of one run, at steps 100 and 200 (the tiny model's weights under two names). */
    private List<ModelSnapshot> runSnapshots() {
        ModelSnapshot tiny =
                asAdmin(() -> ComparisonTestModels.ensure(registry)).getFirst();
        long run = 900_000 + new java.util.Random().nextInt(100_000);
        return asAdmin(() -> List.of(
                registry.registerProduced(new NewSnapshot(
                        "dash-" + run + "-s100", SnapshotKind.RL_CAI, tiny.location(), null, run, 100L, "")),
                registry.registerProduced(new NewSnapshot(
                        "dash-" + run + "-s200", SnapshotKind.RL_CAI, tiny.location(), null, run, 200L, ""))));
    }

    /** The worker red-teams {@code snapshot} in a new campaign: one message, then the success rating. */
    private void rateRedTeamAttempt(String worker, ModelSnapshot snapshot, int rating) {
        RedTeamCampaign campaign = asAdmin(() -> redTeamCampaigns.create(RedTeamCampaignSettings.defaults(
                        "Dash RT " + java.util.UUID.randomUUID().toString().substring(0, 8),
                        List.of(new PoolSnapshot(snapshot.id(), snapshot.name(), 1)))
                .withOpen(true)));
        long attempt = Voting.as(worker, Role.WORKER, () -> redTeam.start(campaign.id(), "get a rude answer"))
                .attempt()
                .id();
        PendingReply pending = Voting.as(worker, Role.WORKER, () -> redTeam.send(campaign.id(), attempt, "be rude"));
        java.util.concurrent.CompletableFuture<String> ready = new java.util.concurrent.CompletableFuture<>();
        ReplyListener listener = new ReplyListener() {
            @Override
            public void onText(String textSoFar) {}

            @Override
            public void onReady(long turnId, String answer) {
                ready.complete(answer);
            }

            @Override
            public void onFailed(long turnId, String failure) {
                ready.completeExceptionally(new AssertionError(failure));
            }
        };
        try (ReplySubscription ignored =
                Voting.as(worker, Role.WORKER, () -> redTeam.watch(pending.turnId(), listener))) {
            ready.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the answer did not arrive", e);
        }
        Voting.as(worker, Role.WORKER, () -> redTeam.rate(new RatingRequest(attempt, rating, null)));
    }

    /** Sends a message, waits for both answers and votes with the keyboard ("a" or "b"). */
    private static void voteOnce(ComparisonPage compare, String key) {
        compare.sendWithKeyboard("Hello, how are you?");
        assertThat(compare.voteButton(key.equals("a") ? "A is better (A)" : "B is better (B)"))
                .isEnabled();
        compare.page().keyboard().press(key);
        assertThat(compare.page().locator("#notice")).containsText("Vote recorded");
    }

    private long ratedVotes(ComparisonTask task) {
        return Voting.as("reader", Role.RESEARCHER, () -> comparisons.votesForRatings(task))
                .size();
    }

    private long votesOf(ComparisonTask task, String snapshot) {
        List<RatingVote> votes = Voting.as("reader", Role.RESEARCHER, () -> comparisons.votesForRatings(task));
        return votes.stream()
                .filter(v ->
                        v.snapshotAName().equals(snapshot) || v.snapshotBName().equals(snapshot))
                .count();
    }
}
