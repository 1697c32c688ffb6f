package org.cailab.comparison;

import static org.cailab.support.Benchmarks.asAdmin;
import static org.cailab.support.Benchmarks.heapAfterGc;
import static org.cailab.support.Benchmarks.options;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.cailab.CailabApplication;
import org.cailab.e2e.BenchmarkWorker;
import org.cailab.e2e.BenchmarkWorker.VoteIntegrity;
import org.cailab.e2e.BrowserTest;
import org.cailab.model.GenerationTimings;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.security.NewUser;
import org.cailab.security.Role;
import org.cailab.security.UserService;
import org.cailab.support.Benchmarks;
import org.cailab.support.ComparisonTestModels;
import org.cailab.support.CpuAccount;
import org.jooq.DSLContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
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
 * <p>It also prints where the time goes ({@link ServerTimes}): vote -> message box split into the server's UIDL request
 * that carried the vote (its {@code ComparisonService.vote} call and SQL statements) and the rest (the browser, the
 * network, the driver's CPU share); Enter -> both answers votable split into send -> both answers generated on the
 * server (the turn's {@code created_at} to {@code answers_shown_at}) and the rest; the live generations' time in
 * the batcher's queue, prefill and decode ({@code cailab.generation.*}); and where the machine's CPU went in each phase
 * ({@link CpuAccount}: the app's threads by name, PostgreSQL, Chromium, the Playwright driver).
 *
 * <p>Options: {@code --workers N}, {@code --votes V}, {@code --models demo|tiny} (tiny: three random 2-layer models
 * that answer up to the full answer length), {@code --demo-steps S} (training steps of the demo model, default 600 as
 * in the product), {@code --data-dir D} (an existing data directory from an earlier run: its demo models are reused
 * instead of trained again; default a new one under {@code target/benchmark-data}), {@code --browser-nice K} (run
 * Chromium at niceness K, 1-19: the simulated workers' browsers then yield the CPU to the server under test, as they
 * would on their own computers; their rendering still counts in the times, and slows down under the load; default 0,
 * the same priority as the app). With the kernel's autogroups (the default on desktop and many server kernels) the
 * browsers' whole session gets niceness K too, since nice alone only ranks processes within a session.
 */
public final class ComparisonBenchmark {

    private static final String ADMIN_PASSWORD = "benchmark-admin-password";
    private static final String WORKER_PASSWORD = "benchmark-worker";
    private static final long STEP_TIMEOUT_MS = 300_000;
    private static final long POLL_MS = 100;
    private static final long IDLE_MS = 10_000;
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

    /** Points the browser launch at a wrapper that starts Chromium (and so its renderers) at the given niceness. */
    private static void niceChromium(int niceness) throws java.io.IOException {
        if (niceness > 19) {
            throw new IllegalArgumentException("--browser-nice takes 1-19, not " + niceness);
        }
        String chromium = System.getProperty(
                "cailab.e2e.chromium", System.getenv().getOrDefault("CAILAB_E2E_CHROMIUM", "/usr/bin/chromium"));
        Path wrapper = java.nio.file.Files.createTempFile("chromium-nice", ".sh");
        // Playwright starts the browser in a session of its own (detached), and where the kernel groups each session
        // for scheduling (autogroup, /proc/sys/kernel/sched_autogroup_enabled) nice only ranks processes within that
        // session: the session's own weight has to go down too, or the browsers keep half the machine
        java.nio.file.Files.writeString(
                wrapper,
                "#!/bin/sh\n"
                        + "[ -w /proc/self/autogroup ] && echo " + niceness + " > /proc/self/autogroup\n"
                        + "exec nice -n " + niceness + " '" + chromium + "' \"$@\"\n");
        if (!wrapper.toFile().setExecutable(true)) {
            throw new IllegalStateException("cannot make " + wrapper + " executable");
        }
        wrapper.toFile().deleteOnExit();
        System.setProperty("cailab.e2e.chromium", wrapper.toString());
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int workers = Integer.parseInt(options.getOrDefault("workers", "20"));
        int votes = Integer.parseInt(options.getOrDefault("votes", "10"));
        String models = options.getOrDefault("models", "demo");
        int demoSteps = Integer.parseInt(options.getOrDefault("demo-steps", "600"));
        Path dataDir = options.containsKey("data-dir")
                ? Path.of(options.get("data-dir")).toAbsolutePath()
                : Benchmarks.dataDir("comparison");
        int browserNice = Integer.parseInt(options.getOrDefault("browser-nice", "0"));
        if (browserNice > 0) {
            niceChromium(browserNice);
        }
        ServerTimes times = new ServerTimes();
        System.out.printf(
                Locale.ROOT,
                "cores %d, max heap %d MiB, java %s; %d workers x %d votes, %s models; browsers at niceness %d;"
                        + " data %s%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"),
                workers,
                votes,
                models,
                browserNice,
                dataDir);

        long startNanos = System.nanoTime();
        // as command-line arguments, so that they win over application.properties
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CailabApplication.class)
                .initializers(times.initializer())
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
            // one conversation per worker, with room for one more message after the last vote (so that the message
            // box comes back)
            Campaign baselineCampaign = campaigns.create(
                    BenchmarkWorker.campaign("Benchmark baseline", ComparisonTask.HELPFULNESS, pool, votes + 1));
            Campaign mainCampaign = campaigns.create(
                    BenchmarkWorker.campaign("Benchmark main", ComparisonTask.HELPFULNESS, pool, votes + 1));
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
                MeterRegistry meters = app.getBean(MeterRegistry.class);
                DSLContext dsl = app.getBean(DSLContext.class);
                List<Worker> alone = signIn(browser, baseUrl, baselineCampaign, names.subList(0, 1));
                times.reset(meters);
                CpuAccount cpuBefore = CpuAccount.now();
                Map<String, Double> pagesBefore = rendererSeconds(alone);
                Result baseline = run(alone, votes);
                String baselineBreakdown = breakdown("1 worker", baseline, times, meters, dsl, baselineCampaign.id())
                        + "1 worker, " + CpuAccount.now().since(cpuBefore, 0.01)
                        + rendererLine("1 worker", pagesBefore, rendererSeconds(alone));
                long heapBefore = heapAfterGc();

                List<Worker> crowd = signIn(browser, baseUrl, mainCampaign, names.subList(1, workers + 1));
                long heapOpened = heapAfterGc();
                // what the open pages cost while nobody works: the browsers' share that is not the workload's
                cpuBefore = CpuAccount.now();
                pagesBefore = rendererSeconds(crowd);
                Thread.sleep(IDLE_MS);
                String idle = workers + " pages open, idle, " + CpuAccount.now().since(cpuBefore, 0.01)
                        + rendererLine(workers + " pages idle", pagesBefore, rendererSeconds(crowd));
                times.reset(meters);
                cpuBefore = CpuAccount.now();
                pagesBefore = rendererSeconds(crowd);
                Result main = run(crowd, votes);
                String mainBreakdown = breakdown(workers + " workers", main, times, meters, dsl, mainCampaign.id())
                        + workers + " workers, " + CpuAccount.now().since(cpuBefore, 0.01)
                        + rendererLine(workers + " workers", pagesBefore, rendererSeconds(crowd)) + idle;
                long heapAfter = heapAfterGc();

                VoteIntegrity integrity = VoteIntegrity.of(dsl, mainCampaign.id(), crowd, ids);
                VoteIntegrity baselineIntegrity = VoteIntegrity.of(dsl, baselineCampaign.id(), alone, ids);

                System.out.println();
                report("1 worker (baseline)", baseline, votes);
                report(workers + " workers", main, votes);
                System.out.printf(
                        Locale.ROOT,
                        "votes: expected %d, clients saw %d, stored %d (%d turns); lost %d, "
                                + "duplicated %d (baseline: lost %d, duplicated %d)%n",
                        workers * votes,
                        integrity.clientVotes(),
                        integrity.rows(),
                        integrity.turns(),
                        integrity.lost(),
                        integrity.duplicated(),
                        baselineIntegrity.lost(),
                        baselineIntegrity.duplicated());
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
                System.out.println();
                System.out.print(baselineBreakdown);
                System.out.print(mainBreakdown);
                System.out.printf(
                        Locale.ROOT,
                        "driver: %d focus fixes (message box not focused when writing)%n",
                        main.focusFixes + baseline.focusFixes);
                exit = integrity.lost() == 0
                                && integrity.duplicated() == 0
                                && baselineIntegrity.lost() == 0
                                && baselineIntegrity.duplicated() == 0
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
        Benchmarks.awaitDemoModels(app);
        return List.of(
                registry.findByName("demo-early").orElseThrow(),
                registry.findByName("demo-final").orElseThrow());
    }

    private static List<Worker> signIn(Browser browser, String baseUrl, Campaign campaign, List<String> names) {
        long start = System.nanoTime();
        List<Worker> signedIn = new ArrayList<>();
        for (String name : names) {
            signedIn.add(new Worker(browser, baseUrl, campaign.id(), name));
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

    private static final class Worker extends BenchmarkWorker<Phase> {
        int focusFixes;
        /** The page's renderer counters (Chrome DevTools Protocol {@code Performance} domain). */
        final CDPSession devtools;

        Worker(Browser browser, String baseUrl, long campaignId, String name) {
            super(browser, baseUrl, campaignId, name, WORKER_PASSWORD, PAGE_PROBE, Phase.WRITE);
            devtools = page.context().newCDPSession(page);
            devtools.send("Performance.enable");
        }
    }

    /** The renderer time metrics that add up where a page's main thread went, in seconds. */
    private static final List<String> RENDERER_METRICS =
            List.of("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration");

    /** The pages' main-thread seconds so far, summed over the workers, per {@link #RENDERER_METRICS} name. */
    private static Map<String, Double> rendererSeconds(List<Worker> workers) {
        Map<String, Double> sums = new HashMap<>();
        for (Worker w : workers) {
            JsonObject reply = w.devtools.send("Performance.getMetrics");
            for (JsonElement metric : reply.getAsJsonArray("metrics")) {
                String name = metric.getAsJsonObject().get("name").getAsString();
                if (RENDERER_METRICS.contains(name)) {
                    sums.merge(name, metric.getAsJsonObject().get("value").getAsDouble(), Double::sum);
                }
            }
        }
        return sums;
    }

    private static String rendererLine(String label, Map<String, Double> before, Map<String, Double> after) {
        StringBuilder line = new StringBuilder(label + ", the pages' main threads (DevTools metrics, all pages):");
        for (String name : RENDERER_METRICS) {
            line.append(String.format(
                    Locale.ROOT,
                    " %s %.1f s",
                    name.replace("Duration", "").toLowerCase(Locale.ROOT),
                    after.getOrDefault(name, 0.0) - before.getOrDefault(name, 0.0)));
        }
        return line.append(System.lineSeparator()).toString();
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
                        w.ask();
                        w.enter(Phase.WAIT_FOR_ANSWERS);
                        acted = true;
                    }
                    case WAIT_FOR_ANSWERS -> {
                        if (answersReadies >= w.sent) {
                            w.vote();
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
                if (w.phase != Phase.DONE) {
                    w.failIfStuck(STEP_TIMEOUT_MS);
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
        System.out.println(label.strip() + " done; load average (1, 5, 15 min): " + loadAverage());
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

    /** Where the time of one phase went, on the server (see the class comment). */
    private static String breakdown(
            String label, Result r, ServerTimes times, MeterRegistry meters, DSLContext dsl, long campaignId) {
        StringBuilder out = new StringBuilder();
        Stats voteRequests = new Stats(millis(times.requestsCalling("vote").stream()
                .map(ServerTimes.Request::nanos)
                .toList()));
        List<ServerTimes.Call> voteCalls = times.calls("vote");
        Stats voteCallTimes =
                new Stats(millis(voteCalls.stream().map(ServerTimes.Call::nanos).toList()));
        Stats voteStatements =
                new Stats(voteCalls.stream().map(c -> (double) c.statements()).toList());
        Stats voteSql = new Stats(
                millis(voteCalls.stream().map(ServerTimes.Call::sqlNanos).toList()));
        Stats voteRequestStatements = new Stats(times.requestsCalling("vote").stream()
                .map(q -> (double) q.statements())
                .toList());
        Stats sendRequests = new Stats(millis(times.requestsCalling("send").stream()
                .map(ServerTimes.Request::nanos)
                .toList()));
        Stats allRequests = new Stats(
                millis(times.requests().stream().map(ServerTimes.Request::nanos).toList()));
        Stats generated = new Stats(dsl.fetch(
                        "select extract(epoch from (t.answers_shown_at - t.created_at)) * 1000"
                                + " from comparison_turn t join comparison_conversation c on c.id = t.conversation_id"
                                + " where c.campaign_id = ? and t.answers_shown_at is not null",
                        campaignId)
                .map(rec -> ((Number) rec.get(0)).doubleValue()));
        out.append(String.format(
                Locale.ROOT,
                "%s, vote -> message box p50 / p95 %s: server request carrying the vote %s (n=%d), the rest %s;"
                        + " in it ComparisonService.vote %s, %s SQL statements per vote (median, max %s; %s in the"
                        + " whole request), SQL %s%n",
                label,
                p50p95(r.latency),
                p50p95(voteRequests),
                voteRequests.sorted.length,
                rest(r.latency, voteRequests),
                p50p95(voteCallTimes),
                count(voteStatements.p(50)),
                count(voteStatements.max()),
                count(voteRequestStatements.p(50)),
                p50p95(voteSql)));
        out.append(String.format(
                Locale.ROOT,
                "%s, Enter -> both answers votable p50 / p95 %s: send -> both generated on the server %s (n=%d),"
                        + " the rest %s; the send request %s; all UIDL requests %s (n=%d)%n",
                label,
                p50p95(r.generation),
                p50p95(generated),
                generated.sorted.length,
                rest(r.generation, generated),
                p50p95(sendRequests),
                p50p95(allRequests),
                allRequests.sorted.length));
        out.append(String.format(
                Locale.ROOT,
                "%s, live generations (each answer): queue %s; prefill %s; decode %s%n",
                label,
                times.generationPercentiles(meters, GenerationTimings.QUEUE),
                times.generationPercentiles(meters, GenerationTimings.PREFILL),
                times.generationPercentiles(meters, GenerationTimings.DECODE)));
        return out.toString();
    }

    /** "p50 / p95 ms" of a distribution in milliseconds. */
    private static String p50p95(Stats stats) {
        return String.format(Locale.ROOT, "%.0f / %.0f ms", stats.p(50), stats.p(95));
    }

    /** The whole's percentiles minus the part's: what the part does not explain. */
    private static String rest(Stats whole, Stats part) {
        return String.format(Locale.ROOT, "%.0f / %.0f ms", whole.p(50) - part.p(50), whole.p(95) - part.p(95));
    }

    private static List<Double> millis(List<Long> nanos) {
        return nanos.stream().map(n -> n / 1e6).toList();
    }

    private static String count(double value) {
        return Double.isNaN(value) ? "n/a" : String.valueOf((long) value);
    }

    private static List<Double> numbers(Object array) {
        List<Double> out = new ArrayList<>();
        for (Object o : (List<?>) array) {
            out.add(((Number) o).doubleValue());
        }
        return out;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The machine's load averages, as the issue asks them printed next to the figures. */
    private static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
