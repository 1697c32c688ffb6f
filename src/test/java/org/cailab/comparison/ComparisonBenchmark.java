package org.cailab.comparison;

import static org.cailab.db.jooq.Tables.COMPARISON_VOTE;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.cailab.CailabApplication;
import org.cailab.crowdwork.PoolSnapshot;
import org.cailab.e2e.BrowserTest;
import org.cailab.e2e.LoginPage;
import org.cailab.model.DemoModelStatus;
import org.cailab.model.DemoModels;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.security.NewUser;
import org.cailab.security.Role;
import org.cailab.security.UserService;
import org.cailab.support.ComparisonTestModels;
import org.jooq.DSLContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Benchmark, not a test: the whole app in this JVM (fresh embedded database under {@code target/}), the demo models
 * trained as on a first start, and {@code N} workers (default 20), each a Chromium browser context signed in with
 * their own account and session, casting {@code V} votes each (default 10) with the keyboard in one conversation:
 * type a message, Enter, wait for both answers, A or B, wait for the message box.
 *
 * <p>It reports votes lost and duplicated (clients' count of recorded votes against the database, and votes per
 * turn), the time from the vote key press to the message box being enabled again (measured inside each page, so
 * the driver's polling does not count), the time from Enter to both answers being votable, and the server heap per
 * open worker session (heap after GC with the sessions open minus before, divided by N). The same measurement with
 * one worker first is the baseline.
 *
 * <p>One Playwright client and one Chromium drive all contexts from one thread, interleaved (Playwright objects are
 * not thread-safe): the server sees N sessions working at once, with no think time. Messages are entered with
 * {@code insertText} (one input event) rather than key by key, so the driver keeps up with N pages.
 *
 * <p>Options: {@code --workers N}, {@code --votes V}, {@code --models demo|tiny} (tiny: three random 2-layer models
 * that answer up to the full answer length), {@code --demo-steps S} (training steps of the demo model, default 600 as
 * in the product).
 */
public final class ComparisonBenchmark {

    private static final String ADMIN_PASSWORD = "benchmark-admin-password";
    private static final String WORKER_PASSWORD = "benchmark-worker";
    private static final long STEP_TIMEOUT_MS = 300_000;
    private static final long POLL_MS = 100;
    private static final String[] TOPICS = {
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

    /**
     * Installed in every page: times, in the browser, from a vote key to the message box being enabled, and from
     * Enter in the message box to the vote buttons being enabled.
     */
    private static final String PAGE_PROBE = """
            (() => {
              const c = window.__cmp = {lat: [], gen: [], voteAt: null, sendAt: null};
              const composer = () => document.querySelector('vaadin-text-area#message');
              const writable = () => composer() !== null && !composer().hasAttribute('disabled');
              const votable = () => {
                const a = document.querySelector('#vote-a-better');
                return a !== null && !a.hasAttribute('disabled');
              };
              document.addEventListener('keydown', e => {
                if ((e.key === 'a' || e.key === 'b') && !writable() && votable() && c.voteAt === null) {
                  c.voteAt = performance.now();
                } else if (e.key === 'Enter' && writable() && c.sendAt === null) {
                  c.sendAt = performance.now();
                }
              }, true);
              const check = () => {
                if (c.voteAt !== null && writable()) {
                  c.lat.push(performance.now() - c.voteAt);
                  c.voteAt = null;
                }
                if (c.sendAt !== null && votable()) {
                  c.gen.push(performance.now() - c.sendAt);
                  c.sendAt = null;
                }
              };
              new MutationObserver(check).observe(document,
                  {subtree: true, childList: true, attributes: true, attributeFilter: ['disabled']});
            })();
            """;

    private ComparisonBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int workers = Integer.parseInt(options.getOrDefault("workers", "20"));
        int votes = Integer.parseInt(options.getOrDefault("votes", "10"));
        String models = options.getOrDefault("models", "demo");
        int demoSteps = Integer.parseInt(options.getOrDefault("demo-steps", "600"));
        Path dataDir = Files.createDirectories(Path.of("target", "benchmark-data"))
                .resolve("comparison-" + System.currentTimeMillis())
                .toAbsolutePath();
        System.out.printf(
                Locale.ROOT,
                "cores %d, max heap %d MiB, java %s; %d workers x %d votes, %s models; data %s%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"),
                workers,
                votes,
                models,
                dataDir);

        long startNanos = System.nanoTime();
        // as command-line arguments, so that they win over application.properties
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CailabApplication.class)
                .run(
                        "--server.port=0",
                        "--cailab.data-dir=" + dataDir,
                        "--cailab.security.admin-password=" + ADMIN_PASSWORD,
                        "--cailab.models.demo-enabled=" + models.equals("demo"),
                        "--cailab.models.demo-steps=" + demoSteps,
                        "--logging.level.root=WARN",
                        "--logging.level.org.cailab=WARN");
        int exit = 1;
        try {
            String baseUrl = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            System.out.printf(Locale.ROOT, "app started in %.1f s at %s%n", seconds(startNanos), baseUrl);
            asAdmin();
            List<ModelSnapshot> pool = models(app, models);
            System.out.printf(
                    Locale.ROOT,
                    "models ready after %.1f s: %s%n",
                    seconds(startNanos),
                    pool.stream().map(ModelSnapshot::name).toList());
            CampaignService campaigns = app.getBean(CampaignService.class);
            Campaign baselineCampaign = campaigns.create(settings("baseline", pool, votes));
            Campaign mainCampaign = campaigns.create(settings("main", pool, votes));
            UserService users = app.getBean(UserService.class);
            List<String> names = new ArrayList<>();
            for (int i = 0; i <= workers; i++) {
                String name = "bench-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
                users.create(new NewUser(name, WORKER_PASSWORD, Role.WORKER));
                names.add(name);
            }
            Map<String, Long> ids = new HashMap<>();
            users.findAll().forEach(u -> ids.put(u.username(), u.id()));
            SecurityContextHolder.clearContext();

            PlaywrightAssertions.setDefaultAssertionTimeout(120_000);
            try (Playwright playwright = BrowserTest.createPlaywright();
                    Browser browser = BrowserTest.launchChromium(playwright)) {
                // baseline: one worker alone (also warms up the models, the JIT and Vaadin)
                List<Worker> alone = signIn(browser, baseUrl, baselineCampaign, names.subList(0, 1));
                Result baseline = run(alone, votes);
                long heapBefore = heapAfterGc();

                List<Worker> crowd = signIn(browser, baseUrl, mainCampaign, names.subList(1, workers + 1));
                long heapOpened = heapAfterGc();
                Result main = run(crowd, votes);
                long heapAfter = heapAfterGc();

                DSLContext dsl = app.getBean(DSLContext.class);
                Integrity integrity = integrity(dsl, mainCampaign, crowd, ids);
                Integrity baselineIntegrity = integrity(dsl, baselineCampaign, alone, ids);

                System.out.println();
                report("1 worker (baseline)", baseline, votes);
                report(workers + " workers", main, votes);
                System.out.printf(
                        Locale.ROOT,
                        "votes: expected %d, clients saw %d, stored %d (%d turns); lost %d, "
                                + "duplicated %d (baseline: lost %d, duplicated %d)%n",
                        workers * votes,
                        integrity.clientVotes,
                        integrity.rows,
                        integrity.turns,
                        integrity.lost,
                        integrity.duplicated,
                        baselineIntegrity.lost,
                        baselineIntegrity.duplicated);
                System.out.printf(
                        Locale.ROOT,
                        "ratio %d workers / 1 worker, vote -> message box: p50 %.2f, p95 %.2f; "
                                + "Enter -> answers: p50 %.2f, p95 %.2f%n",
                        workers,
                        main.latency.p(50) / baseline.latency.p(50),
                        main.latency.p(95) / baseline.latency.p(95),
                        main.generation.p(50) / baseline.generation.p(50),
                        main.generation.p(95) / baseline.generation.p(95));
                System.out.printf(
                        Locale.ROOT,
                        "server heap after GC: %d MiB before, %d MiB with %d sessions just "
                                + "opened, %d MiB after their votes; per open worker session %.0f KiB on opening, "
                                + "%.0f KiB after %d votes%n",
                        heapBefore >> 20,
                        heapOpened >> 20,
                        workers,
                        heapAfter >> 20,
                        (heapOpened - heapBefore) / 1024.0 / workers,
                        (heapAfter - heapBefore) / 1024.0 / workers,
                        votes);
                System.out.printf(
                        Locale.ROOT,
                        "driver: %d focus fixes (message box not focused when writing)%n",
                        main.focusFixes + baseline.focusFixes);
                exit = integrity.lost == 0
                                && integrity.duplicated == 0
                                && baselineIntegrity.lost == 0
                                && baselineIntegrity.duplicated == 0
                        ? 0
                        : 2;
            }
        } finally {
            app.close();
        }
        System.exit(exit);
    }

    // --- setup

    private static List<ModelSnapshot> models(ConfigurableApplicationContext app, String kind)
            throws InterruptedException {
        ModelRegistry registry = app.getBean(ModelRegistry.class);
        if (kind.equals("tiny")) {
            return ComparisonTestModels.ensure(registry);
        }
        if (!kind.equals("demo")) {
            throw new IllegalArgumentException("--models demo|tiny, not " + kind);
        }
        DemoModels demo = app.getBean(DemoModels.class);
        int lastStep = -1;
        while (true) {
            DemoModelStatus status = demo.status();
            if (status.state() == DemoModelStatus.State.DONE) {
                break;
            }
            if (status.state() == DemoModelStatus.State.FAILED) {
                throw new IllegalStateException(status.message());
            }
            if (status.step() / 100 != lastStep / 100) {
                System.out.println("  " + status.message());
                lastStep = status.step();
            }
            Thread.sleep(1000);
        }
        return List.of(
                registry.findByName("demo-early").orElseThrow(),
                registry.findByName("demo-final").orElseThrow());
    }

    private static CampaignSettings settings(String name, List<ModelSnapshot> pool, int votes) {
        CampaignSettings d = CampaignSettings.defaults(
                "Benchmark " + name,
                ComparisonTask.HELPFULNESS,
                pool.stream().map(m -> new PoolSnapshot(m.id(), m.name(), 1)).toList());
        // one conversation per worker, with room for one more message after the last vote (so that the message box
        // comes back); ties allowed as by default, never used here
        return new CampaignSettings(
                d.name(),
                d.task(),
                d.instructions(),
                d.pool(),
                d.pairDrawing(),
                votes + 1,
                d.allowTie(),
                d.allowBothBad(),
                null,
                null,
                0,
                true,
                d.completionCode());
    }

    private static List<Worker> signIn(Browser browser, String baseUrl, Campaign campaign, List<String> names) {
        long start = System.nanoTime();
        List<Worker> signedIn = new ArrayList<>();
        for (String name : names) {
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl));
            context.setDefaultTimeout(120_000);
            context.addInitScript(PAGE_PROBE);
            Page page = context.newPage();
            new LoginPage(page).signInAs(name, WORKER_PASSWORD);
            page.navigate("/compare/" + campaign.id());
            page.getByRole(
                            com.microsoft.playwright.options.AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Got it"))
                    .waitFor();
            page.keyboard().press("Escape");
            page.waitForFunction("() => { const m = document.querySelector('vaadin-text-area#message');"
                    + " return m !== null && !m.hasAttribute('disabled'); }");
            signedIn.add(new Worker(name, context, page, new Random(name.hashCode())));
        }
        System.out.printf(
                Locale.ROOT,
                "%d worker(s) signed in and on the comparison page in %.1f s%n",
                names.size(),
                seconds(start));
        return signedIn;
    }

    // --- the workers

    private enum Phase {
        WRITE,
        WAIT_FOR_ANSWERS,
        WAIT_FOR_MESSAGE_BOX,
        DONE
    }

    private static final class Worker {
        final String name;
        final BrowserContext context;
        final Page page;
        final Random random;
        Phase phase = Phase.WRITE;
        long phaseSince = System.currentTimeMillis();
        int sent;
        int voted;
        int focusFixes;

        Worker(String name, BrowserContext context, Page page, Random random) {
            this.name = name;
            this.context = context;
            this.page = page;
            this.random = random;
        }

        void enter(Phase next) {
            phase = next;
            phaseSince = System.currentTimeMillis();
        }
    }

    /** Drives all workers round-robin until each has cast {@code votes} votes. */
    private static Result run(List<Worker> workers, int votes) throws InterruptedException {
        long start = System.nanoTime();
        int done = 0;
        while (done < workers.size()) {
            long roundStart = System.nanoTime();
            boolean acted = false;
            for (Worker w : workers) {
                if (w.phase == Phase.DONE) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                List<Object> state = (List<Object>) w.page.evaluate("""
                        () => [window.__cmp.lat.length, window.__cmp.gen.length,
                               document.activeElement !== null && document.activeElement.closest('#message') !== null]""");
                int composerReadies = ((Number) state.get(0)).intValue();
                int answersReadies = ((Number) state.get(1)).intValue();
                boolean focused = (Boolean) state.get(2);
                switch (w.phase) {
                    case WRITE -> {
                        if (!focused) {
                            w.page.locator("vaadin-text-area#message textarea").focus();
                            w.focusFixes++;
                        }
                        w.page.keyboard()
                                .insertText("Question " + (w.sent + 1) + ": how do I "
                                        + TOPICS[w.random.nextInt(TOPICS.length)] + "?");
                        w.page.keyboard().press("Enter");
                        w.sent++;
                        w.enter(Phase.WAIT_FOR_ANSWERS);
                        acted = true;
                    }
                    case WAIT_FOR_ANSWERS -> {
                        if (answersReadies >= w.sent) {
                            w.page.keyboard().press(w.random.nextBoolean() ? "a" : "b");
                            w.voted++;
                            w.enter(Phase.WAIT_FOR_MESSAGE_BOX);
                            acted = true;
                        }
                    }
                    case WAIT_FOR_MESSAGE_BOX -> {
                        if (composerReadies >= w.voted) {
                            w.enter(w.voted >= votes ? Phase.DONE : Phase.WRITE);
                            done += w.phase == Phase.DONE ? 1 : 0;
                            acted = true;
                        }
                    }
                    case DONE -> {}
                }
                if (w.phase != Phase.DONE && System.currentTimeMillis() - w.phaseSince > STEP_TIMEOUT_MS) {
                    throw new IllegalStateException(
                            w.name + " stuck in " + w.phase + " after " + w.voted + " votes; the page says: "
                                    + w.page.locator("#notice").textContent());
                }
            }
            // at most one look at each page per POLL_MS when nothing happens: the harness shares the CPU with the
            // server, and the timings are taken inside the pages anyway
            long elapsedMs = (System.nanoTime() - roundStart) / 1_000_000;
            if (!acted && elapsedMs < POLL_MS) {
                Thread.sleep(POLL_MS - elapsedMs);
            }
        }
        double wall = seconds(start);
        List<Double> latencies = new ArrayList<>();
        List<Double> generation = new ArrayList<>();
        int focusFixes = 0;
        for (Worker w : workers) {
            latencies.addAll(numbers(w.page.evaluate("() => window.__cmp.lat")));
            generation.addAll(numbers(w.page.evaluate("() => window.__cmp.gen")));
            focusFixes += w.focusFixes;
        }
        return new Result(new Stats(latencies), new Stats(generation), wall, focusFixes);
    }

    private record Result(Stats latency, Stats generation, double wallSeconds, int focusFixes) {}

    private record Integrity(int clientVotes, int rows, int turns, int lost, int duplicated) {}

    private static Integrity integrity(DSLContext dsl, Campaign campaign, List<Worker> workers, Map<String, Long> ids) {
        Map<Long, Integer> stored = new HashMap<>();
        dsl.select(COMPARISON_VOTE.WORKER_ID, org.jooq.impl.DSL.count())
                .from(COMPARISON_VOTE)
                .where(COMPARISON_VOTE.CAMPAIGN_ID.eq(campaign.id()))
                .groupBy(COMPARISON_VOTE.WORKER_ID)
                .forEach(r -> stored.put(r.value1(), r.value2()));
        int rows = dsl.fetchCount(COMPARISON_VOTE, COMPARISON_VOTE.CAMPAIGN_ID.eq(campaign.id()));
        int turns = dsl.fetchCount(dsl.selectDistinct(COMPARISON_VOTE.TURN_ID)
                .from(COMPARISON_VOTE)
                .where(COMPARISON_VOTE.CAMPAIGN_ID.eq(campaign.id())));
        int client = 0;
        int lost = 0;
        int duplicated = rows - turns;
        for (Worker w : workers) {
            int inDb = stored.getOrDefault(ids.get(w.name), 0);
            client += w.voted;
            lost += Math.max(0, w.voted - inDb);
            duplicated += Math.max(0, inDb - w.voted);
        }
        return new Integrity(client, rows, turns, lost, duplicated);
    }

    // --- numbers

    private static final class Stats {
        final double[] sorted;

        Stats(List<Double> values) {
            sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        }

        /** Nearest-rank percentile, in milliseconds. */
        double p(int percent) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }

        double max() {
            return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
        }
    }

    private static void report(String label, Result r, int votes) {
        System.out.printf(
                Locale.ROOT,
                "%-20s vote -> message box enabled: p50 %.0f ms, p95 %.0f ms, max %.0f ms "
                        + "(n=%d); Enter -> both answers votable: p50 %.0f ms, p95 %.0f ms (n=%d); %.1f s for %d votes "
                        + "each, %.2f votes/s%n",
                label,
                r.latency.p(50),
                r.latency.p(95),
                r.latency.max(),
                r.latency.sorted.length,
                r.generation.p(50),
                r.generation.p(95),
                r.generation.sorted.length,
                r.wallSeconds,
                votes,
                r.latency.sorted.length / r.wallSeconds);
    }

    private static List<Double> numbers(Object array) {
        List<Double> out = new ArrayList<>();
        for (Object o : (List<?>) array) {
            out.add(((Number) o).doubleValue());
        }
        return out;
    }

    private static long heapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            memory.gc();
            Thread.sleep(300);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void asAdmin() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN", "ROLE_RESEARCHER")));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("options are --name value pairs: " + Arrays.toString(args));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
