package org.cailab.e2e;

import static org.cailab.db.jooq.Tables.COMPARISON_VOTE;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cailab.comparison.CampaignSettings;
import org.cailab.comparison.ComparisonTask;
import org.cailab.crowdwork.PoolSnapshot;
import org.cailab.model.ModelSnapshot;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * One simulated crowdworker in its own browser context on a comparison campaign's page, for the benchmarks that drive
 * many of them round-robin from one thread (Playwright objects are not thread-safe): it writes questions, votes with
 * the keyboard, and its phase (the benchmark's own enum) says what it waits for.
 *
 * @param <P> the benchmark's phases
 */
public class BenchmarkWorker<P extends Enum<P>> {

    /** Topics of the questions the workers ask. */
    public static final String[] TOPICS = {
        "bake bread",
        "learn to swim",
        "grow tomatoes",
        "write a letter",
        "fix a bike",
        "save money",
        "sleep better",
        "cook rice",
        "paint a wall",
        "plan a trip"
    };

    public final String name;
    public final long campaignId;
    public final Page page;
    /** Seeded by the name: the same worker asks the same questions and votes the same way in every run. */
    public final Random random;

    public P phase;
    public long phaseSince = System.currentTimeMillis();
    /** Messages sent. */
    public int sent;
    /** Votes cast. */
    public int voted;

    /**
     * Signs in in a new browser context, opens the campaign's comparison page, closes the guidelines and waits until
     * the message box can be written in.
     *
     * @param pageProbe a script installed in the page before its own (the benchmark's counters)
     */
    public BenchmarkWorker(
            Browser browser,
            String baseUrl,
            long campaignId,
            String name,
            String password,
            String pageProbe,
            P firstPhase) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl));
        context.setDefaultTimeout(120_000);
        context.addInitScript(pageProbe);
        Page opened = context.newPage();
        new LoginPage(opened).signInAs(name, password);
        opened.navigate("/compare/" + campaignId);
        opened.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Got it"))
                .waitFor();
        opened.keyboard().press("Escape");
        this.name = name;
        this.campaignId = campaignId;
        this.page = opened;
        this.random = new Random(name.hashCode());
        this.phase = firstPhase;
        waitWritable();
    }

    public void enter(P next) {
        phase = next;
        phaseSince = System.currentTimeMillis();
    }

    /** Waits until the message box is enabled. */
    public void waitWritable() {
        page.waitForFunction("() => { const m = document.querySelector('vaadin-text-area#message');"
                + " return m !== null && !m.hasAttribute('disabled'); }");
    }

    /** Types the next question into the (focused) message box and sends it with Enter. */
    public void ask() {
        page.keyboard()
                .insertText("Question " + (sent + 1) + ": how do I " + TOPICS[random.nextInt(TOPICS.length)] + "?");
        page.keyboard().press("Enter");
        sent++;
    }

    /** Votes A or B better at random with the keyboard. */
    public void vote() {
        page.keyboard().press(random.nextBoolean() ? "a" : "b");
        voted++;
    }

    /** Fails, with what the page says, when the worker has been in its phase for longer than {@code timeoutMs}. */
    public void failIfStuck(long timeoutMs) {
        if (System.currentTimeMillis() - phaseSince > timeoutMs) {
            throw new IllegalStateException(name + " stuck in " + phase + " after " + voted + " votes; the page says: "
                    + page.locator("#notice").textContent());
        }
    }

    /**
     * An open campaign of the models with equal weights and a turn limit, otherwise the defaults (no quota, no gold
     * checks).
     */
    public static CampaignSettings campaign(String name, ComparisonTask task, List<ModelSnapshot> pool, int turnLimit) {
        CampaignSettings d = CampaignSettings.defaults(
                name,
                task,
                pool.stream().map(m -> new PoolSnapshot(m.id(), m.name(), 1)).toList());
        return new CampaignSettings(
                d.name(),
                d.task(),
                d.instructions(),
                d.pool(),
                d.pairDrawing(),
                turnLimit,
                d.allowTie(),
                d.allowBothBad(),
                null,
                null,
                0,
                true,
                d.completionCode());
    }

    /**
     * The campaign's votes in the database against what its workers cast.
     *
     * @param clientVotes votes the workers cast
     * @param rows        vote rows stored
     * @param turns       distinct turns voted on
     * @param lost        votes a worker cast that are not stored
     * @param duplicated  rows beyond one a turn, and stored votes beyond what a worker cast
     */
    public record VoteIntegrity(int clientVotes, int rows, int turns, int lost, int duplicated) {

        /** Counts for one campaign and the workers on it ({@code ids}: user id by name). */
        public static VoteIntegrity of(
                DSLContext dsl, long campaignId, List<? extends BenchmarkWorker<?>> workers, Map<String, Long> ids) {
            Map<Long, Integer> stored = new HashMap<>();
            dsl.select(COMPARISON_VOTE.WORKER_ID, DSL.count())
                    .from(COMPARISON_VOTE)
                    .where(COMPARISON_VOTE.CAMPAIGN_ID.eq(campaignId))
                    .groupBy(COMPARISON_VOTE.WORKER_ID)
                    .forEach(r -> stored.put(r.value1(), r.value2()));
            int rows = dsl.fetchCount(COMPARISON_VOTE, COMPARISON_VOTE.CAMPAIGN_ID.eq(campaignId));
            int turns = dsl.fetchCount(dsl.selectDistinct(COMPARISON_VOTE.TURN_ID)
                    .from(COMPARISON_VOTE)
                    .where(COMPARISON_VOTE.CAMPAIGN_ID.eq(campaignId)));
            int client = 0;
            int lost = 0;
            int duplicated = rows - turns;
            for (BenchmarkWorker<?> w : workers) {
                int inDb = stored.getOrDefault(ids.get(w.name), 0);
                client += w.voted;
                lost += Math.max(0, w.voted - inDb);
                duplicated += Math.max(0, inDb - w.voted);
            }
            return new VoteIntegrity(client, rows, turns, lost, duplicated);
        }
    }
}
