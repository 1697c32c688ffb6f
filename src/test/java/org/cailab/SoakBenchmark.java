package org.cailab;

import static org.cailab.support.Benchmarks.asAdmin;
import static org.cailab.support.Benchmarks.heapAfterGc;
import static org.cailab.support.Benchmarks.options;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cailab.comparison.Campaign;
import org.cailab.comparison.CampaignService;
import org.cailab.comparison.ComparisonTask;
import org.cailab.constitution.ConstitutionChoice;
import org.cailab.constitution.ConstitutionService;
import org.cailab.constitution.ConstitutionSummary;
import org.cailab.e2e.BenchmarkWorker;
import org.cailab.e2e.BenchmarkWorker.VoteIntegrity;
import org.cailab.e2e.BrowserTest;
import org.cailab.experiment.PipelineBenchmark;
import org.cailab.model.LoadedModel;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelService;
import org.cailab.model.ModelSnapshot;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunSummary;
import org.cailab.promptset.PromptExtraction;
import org.cailab.promptset.PromptFormat;
import org.cailab.promptset.PromptImport;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetId;
import org.cailab.promptset.PromptSetKind;
import org.cailab.promptset.PromptSetService;
import org.cailab.security.NewUser;
import org.cailab.security.Role;
import org.cailab.security.UserService;
import org.cailab.slcai.SlCaiService;
import org.cailab.support.Benchmarks;
import org.jooq.DSLContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Benchmark, not a test: resident memory of the app over a realistic stretch of use. The whole app runs in this JVM
 * (fresh embedded database under {@code target/benchmark-data}, the demo models trained as on a first start), then
 * two comparison campaigns on the demo models are worked by a few workers, each a Chromium browser context signed in
 * with their own account, who chat and vote with think time and start a new conversation when one is full, while an
 * SL-CAI run on {@code demo-final} with the active default constitution works through a red-team prompt set (a new
 * run is started whenever one finishes).
 *
 * <p>Every {@code --sample-s} seconds (default 60) it samples this process's resident memory ({@code VmRSS},
 * {@code VmHWM}, anonymous and file-backed parts from {@code /proc/self/status}), the heap in use and committed, the
 * JVM's non-heap and direct buffers, what is left of the resident set for native memory (libtorch, malloc), the
 * embedded PostgreSQL and the Playwright driver + Chromium processes (summed proportional set size, so shared pages
 * count once) and the load average; at the end it prints the curve and the final figures. The duration
 * ({@code --minutes}, default 60) counts from the start of the JVM, so it includes the demo training of a first
 * start.
 *
 * <p>Run it with the app's defaults ({@code -Xmx1g -XX:G1PeriodicGCInterval=60000}, {@code MALLOC_ARENA_MAX=2}),
 * README has the command. Options: {@code --minutes M}, {@code --workers N} (split over the two campaigns, default
 * 4), {@code --think-min-s S}, {@code --think-max-s S} (default 5 and 20), {@code --turns T} (turns per
 * conversation, default 6), {@code --sl-prompts P} (red-team prompts per SL-CAI run, default 40),
 * {@code --sample-s S}, {@code --demo-steps S} (default 400 as in the product).
 */
public final class SoakBenchmark {

    private static final String ADMIN_PASSWORD = "benchmark-admin-password";
    private static final String WORKER_PASSWORD = "benchmark-worker";
    private static final long STEP_TIMEOUT_MS = 600_000;
    private static final long POLL_MS = 250;
    /** Counts, inside each page, how often both answers became votable and the message box writable. */
    private static final String PAGE_PROBE = """
            (() => {
              const c = window.__soak = {writable: 0, votable: 0, wasWritable: false, wasVotable: false};
              const composer = () => document.querySelector('vaadin-text-area#message');
              const writable = () => composer() !== null && !composer().hasAttribute('disabled');
              const votable = () => {
                const a = document.querySelector('#vote-a-better');
                return a !== null && !a.hasAttribute('disabled');
              };
              const check = () => {
                const w = writable(), v = votable();
                if (w && !c.wasWritable) c.writable++;
                if (v && !c.wasVotable) c.votable++;
                c.wasWritable = w;
                c.wasVotable = v;
              };
              new MutationObserver(check).observe(document,
                  {subtree: true, childList: true, attributes: true, attributeFilter: ['disabled']});
            })();
            """;

    private SoakBenchmark() {}

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Map<String, String> options = options(args);
        double minutes = Double.parseDouble(options.getOrDefault("minutes", "60"));
        int workers = Integer.parseInt(options.getOrDefault("workers", "4"));
        int thinkMin = Integer.parseInt(options.getOrDefault("think-min-s", "5"));
        int thinkMax = Integer.parseInt(options.getOrDefault("think-max-s", "20"));
        int turns = Integer.parseInt(options.getOrDefault("turns", "6"));
        int slPrompts = Integer.parseInt(options.getOrDefault("sl-prompts", "40"));
        int sampleSeconds = Integer.parseInt(options.getOrDefault("sample-s", "60"));
        int demoSteps = Integer.parseInt(options.getOrDefault("demo-steps", "400"));
        long endAt = jvmStart + (long) (minutes * 60_000);
        Path dataDir = Benchmarks.dataDir("soak");
        System.out.printf(
                Locale.ROOT,
                "cores %d, max heap %d MiB, java %s, MALLOC_ARENA_MAX=%s, CAILAB_INTRA_OP_THREADS=%s; %.0f min, "
                        + "%d workers (think %d-%d s, %d turns a conversation), SL-CAI runs of %d prompts; data %s%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"),
                System.getenv("MALLOC_ARENA_MAX"),
                System.getenv("CAILAB_INTRA_OP_THREADS"),
                minutes,
                workers,
                thinkMin,
                thinkMax,
                turns,
                slPrompts,
                dataDir);

        List<Sample> samples = new CopyOnWriteArrayList<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "soak-sampler");
            t.setDaemon(true);
            return t;
        });
        Holder<ModelService> models = new Holder<>();
        Holder<String> phase = new Holder<>();
        phase.value = "start";
        sampler.scheduleAtFixedRate(
                () -> {
                    try {
                        Sample s = Sample.take(jvmStart, phase.value, models.value, dataDir);
                        samples.add(s);
                        System.out.println(s.line());
                    } catch (RuntimeException e) {
                        System.out.println("sample failed: " + e);
                    }
                },
                0,
                sampleSeconds,
                TimeUnit.SECONDS);
        System.out.println(Sample.HEADER);

        ConfigurableApplicationContext app = new SpringApplicationBuilder(CailabApplication.class)
                .run(
                        "--server.port=0",
                        "--cailab.data-dir=" + dataDir,
                        "--cailab.security.admin-password=" + ADMIN_PASSWORD,
                        "--cailab.models.demo-enabled=true",
                        "--cailab.models.demo-steps=" + demoSteps,
                        "--logging.level.root=WARN",
                        "--logging.level.org.cailab=WARN");
        int exit = 1;
        try {
            String baseUrl = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            asAdmin();
            phase.value = "demo-training";
            List<ModelSnapshot> pool = demoModels(app);
            models.value = app.getBean(ModelService.class);
            System.out.printf(Locale.ROOT, "demo models ready after %.1f min%n", sinceMin(jvmStart));

            CampaignService campaigns = app.getBean(CampaignService.class);
            List<Campaign> twoCampaigns = List.of(
                    campaigns.create(
                            BenchmarkWorker.campaign("Soak helpfulness", ComparisonTask.HELPFULNESS, pool, turns)),
                    campaigns.create(
                            BenchmarkWorker.campaign("Soak harmlessness", ComparisonTask.HARMLESSNESS, pool, turns)));
            UserService users = app.getBean(UserService.class);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                String name = "soak-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
                users.create(new NewUser(name, WORKER_PASSWORD, Role.WORKER));
                names.add(name);
            }
            Map<String, Long> ids = new HashMap<>();
            users.findAll().forEach(u -> ids.put(u.username(), u.id()));
            SlCai slCai = new SlCai(app, slPrompts);

            PlaywrightAssertions.setDefaultAssertionTimeout(120_000);
            try (Playwright playwright = BrowserTest.createPlaywright();
                    Browser browser = BrowserTest.launchChromium(playwright)) {
                List<Worker> crowd = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    crowd.add(new Worker(browser, baseUrl, twoCampaigns.get(i % 2), names.get(i), thinkMin, thinkMax));
                }
                phase.value = "soak";
                System.out.printf(
                        Locale.ROOT,
                        "%d workers on the comparison pages after %.1f min; soak until %.0f min%n",
                        crowd.size(),
                        sinceMin(jvmStart),
                        minutes);
                slCai.startNext();
                drive(crowd, turns, endAt, slCai, phase);
                phase.value = "end";

                DSLContext dsl = app.getBean(DSLContext.class);
                int voted = crowd.stream().mapToInt(w -> w.voted).sum();
                int stored = 0;
                int lost = 0;
                int duplicated = 0;
                for (Campaign c : twoCampaigns) {
                    VoteIntegrity integrity = VoteIntegrity.of(
                            dsl,
                            c.id(),
                            crowd.stream().filter(w -> w.campaignId == c.id()).toList(),
                            ids);
                    stored += integrity.rows();
                    lost += integrity.lost();
                    duplicated += integrity.duplicated();
                }
                sampler.shutdown();
                sampler.awaitTermination(30, TimeUnit.SECONDS);
                Sample last = Sample.take(jvmStart, "end", models.value, dataDir);
                long heapAfterGc = heapAfterGc();
                Sample afterGc = Sample.take(jvmStart, "end, after GC", models.value, dataDir);
                samples.add(last);

                System.out.println();
                System.out.println("curve (every " + sampleSeconds + " s):");
                System.out.println(Sample.HEADER);
                samples.forEach(s -> System.out.println(s.line()));
                System.out.println(afterGc.line());
                System.out.println();
                Sample peak = samples.stream()
                        .max((a, b) -> Long.compare(a.rssKb, b.rssKb))
                        .orElseThrow();
                Sample soakStart = samples.stream()
                        .filter(s -> s.phase.startsWith("soak"))
                        .findFirst()
                        .orElse(samples.getFirst());
                System.out.printf(
                        Locale.ROOT,
                        "app JVM: final RSS %d MiB, peak sampled RSS %d MiB at %.0f min, VmHWM %d MiB; RSS when the "
                                + "soak began %d MiB (%.0f min); heap after a final GC %d MiB%n",
                        last.rssKb >> 10,
                        peak.rssKb >> 10,
                        peak.minutes,
                        last.hwmKb >> 10,
                        soakStart.rssKb >> 10,
                        soakStart.minutes,
                        heapAfterGc >> 20);
                System.out.printf(
                        Locale.ROOT,
                        "growth from the start of the soak to the end: RSS %+d MiB = heap committed %+d, non-heap "
                                + "%+d, direct %+d, native rest %+d; postgres %+d MiB; browser %+d MiB%n",
                        (last.rssKb - soakStart.rssKb) >> 10,
                        (last.heapCommitted - soakStart.heapCommitted) >> 20,
                        (last.nonHeapCommitted - soakStart.nonHeapCommitted) >> 20,
                        (last.direct - soakStart.direct) >> 20,
                        (last.nativeRestKb() - soakStart.nativeRestKb()) >> 10,
                        (last.postgresPssKb - soakStart.postgresPssKb) >> 10,
                        (last.browserPssKb - soakStart.browserPssKb) >> 10);
                System.out.printf(
                        Locale.ROOT,
                        "work: %d votes (%d conversations), stored %d; lost %d, duplicated %d; SL-CAI: %s%n",
                        voted,
                        crowd.stream().mapToInt(w -> w.conversations).sum(),
                        stored,
                        lost,
                        duplicated,
                        slCai.summary());
                System.out.printf(Locale.ROOT, "load average (1/5/15 min) at the end: %s%n", Sample.loadAverage());
                exit = lost == 0 && duplicated == 0 ? 0 : 2;
            }
        } finally {
            sampler.shutdownNow();
            app.close();
        }
        System.exit(exit);
    }

    // --- set-up

    private static List<ModelSnapshot> demoModels(ConfigurableApplicationContext app) throws InterruptedException {
        Benchmarks.awaitDemoModels(app);
        ModelRegistry registry = app.getBean(ModelRegistry.class);
        return List.of(
                registry.findByName("demo-early").orElseThrow(),
                registry.findByName("demo-final").orElseThrow());
    }

    /** SL-CAI runs on demo-final, one after another, each over a new red-team prompt set. */
    private static final class SlCai {
        final RunService runs;
        final PromptSetService promptSets;
        final long constitutionVersion;
        final long policy;
        final int prompts;
        final List<RunId> started = new ArrayList<>();
        int finished;
        int failed;
        int itemsDone;

        SlCai(ConfigurableApplicationContext app, int prompts) {
            this.runs = app.getBean(RunService.class);
            this.promptSets = app.getBean(PromptSetService.class);
            ConstitutionService constitutions = app.getBean(ConstitutionService.class);
            ConstitutionSummary def = constitutions.constitutions().stream()
                    .filter(c -> c.name().equals(ConstitutionService.DEFAULT_CONSTITUTION))
                    .findFirst()
                    .orElseThrow();
            this.constitutionVersion =
                    constitutions.activeVersion(def.id()).orElseThrow().info().id();
            this.policy = app.getBean(ModelRegistry.class)
                    .findByName("demo-final")
                    .orElseThrow()
                    .id();
            this.prompts = prompts;
        }

        void startNext() {
            asAdmin();
            int n = started.size() + 1;
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < prompts; i++) {
                text.append(PipelineBenchmark.RED_TEAM.get(i % PipelineBenchmark.RED_TEAM.size()))
                        .append(" (")
                        .append(n)
                        .append('.')
                        .append(i)
                        .append(")\n");
            }
            PromptSet set = promptSets.importPrompts(
                    new PromptImport(
                            "soak red team " + n,
                            PromptSetKind.RED_TEAM,
                            PromptFormat.PLAIN_TEXT,
                            PromptExtraction.FIRST_HUMAN_TURN,
                            "p.txt"),
                    new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
            // the SL-CAI form's defaults otherwise (sampling, rounds, execution)
            Run run = runs.start(RunConfig.of(SlCaiService.RUN_TYPE, "soak SL-CAI " + n)
                    .withPromptSet(PromptSetId.of(set.id()))
                    .withConstitution(ConstitutionChoice.of(constitutionVersion))
                    .withModelSnapshots(List.of(String.valueOf(policy)))
                    .withSeed(n));
            started.add(run.id());
            System.out.printf(Locale.ROOT, "  SL-CAI run %d started (%d prompts)%n", n, prompts);
        }

        /** Starts the next run when the current one has ended. */
        void check() {
            asAdmin();
            RunSummary current = runs.find(started.getLast()).orElseThrow();
            if (current.run().state().isTerminal()) {
                itemsDone += current.progress().done();
                switch (current.run().state()) {
                    case FINISHED -> finished++;
                    default -> failed++;
                }
                System.out.printf(
                        Locale.ROOT,
                        "  SL-CAI run %d ended %s (%d items done)%n",
                        started.size(),
                        current.run().state(),
                        current.progress().done());
                startNext();
            }
        }

        String summary() {
            asAdmin();
            RunSummary current = runs.find(started.getLast()).orElseThrow();
            return String.format(
                    Locale.ROOT,
                    "%d runs started, %d finished, %d failed or cancelled; %d items done (+%d in the run still going)",
                    started.size(),
                    finished,
                    failed,
                    itemsDone,
                    current.run().state().isTerminal() ? 0 : current.progress().done());
        }
    }

    // --- the workers

    private enum Phase {
        THINK_THEN_WRITE,
        WAIT_FOR_ANSWERS,
        THINK_THEN_VOTE,
        WAIT_FOR_MESSAGE_BOX
    }

    private static final class Worker extends BenchmarkWorker<Phase> {
        final int thinkMinMs;
        final int thinkMaxMs;
        long actAt;
        int votablesSeen;
        int writablesSeen;
        int votesInConversation;
        int conversations = 1;

        Worker(Browser browser, String baseUrl, Campaign campaign, String name, int thinkMinS, int thinkMaxS) {
            super(browser, baseUrl, campaign.id(), name, WORKER_PASSWORD, PAGE_PROBE, Phase.THINK_THEN_WRITE);
            this.thinkMinMs = thinkMinS * 1000;
            this.thinkMaxMs = thinkMaxS * 1000;
            this.writablesSeen = counts(page)[0];
            think();
        }

        void think() {
            actAt = System.currentTimeMillis() + thinkMinMs + random.nextInt(Math.max(1, thinkMaxMs - thinkMinMs));
        }
    }

    private static int[] counts(Page page) {
        List<?> state = (List<?>) page.evaluate("() => [window.__soak.writable, window.__soak.votable]");
        return new int[] {((Number) state.get(0)).intValue(), ((Number) state.get(1)).intValue()};
    }

    /** Drives all workers round-robin (Playwright objects are not thread-safe) until {@code endAt}. */
    private static void drive(List<Worker> workers, int turns, long endAt, SlCai slCai, Holder<String> phase)
            throws InterruptedException {
        long lastRunCheck = 0;
        while (System.currentTimeMillis() < endAt) {
            long now = System.currentTimeMillis();
            for (Worker w : workers) {
                int[] c = counts(w.page);
                switch (w.phase) {
                    case THINK_THEN_WRITE -> {
                        if (now >= w.actAt) {
                            if (w.votesInConversation >= turns - 1) {
                                // a full conversation: start a new one, as a worker would
                                w.page.locator("#new-conversation").click();
                                w.waitWritable();
                                w.writablesSeen = counts(w.page)[0];
                                w.votesInConversation = 0;
                                w.conversations++;
                            }
                            w.page.locator("vaadin-text-area#message textarea").focus();
                            w.ask();
                            w.enter(Phase.WAIT_FOR_ANSWERS);
                        }
                    }
                    case WAIT_FOR_ANSWERS -> {
                        if (c[1] > w.votablesSeen) {
                            w.votablesSeen = c[1];
                            w.think();
                            w.enter(Phase.THINK_THEN_VOTE);
                        }
                    }
                    case THINK_THEN_VOTE -> {
                        if (now >= w.actAt) {
                            w.vote();
                            w.votesInConversation++;
                            w.enter(Phase.WAIT_FOR_MESSAGE_BOX);
                        }
                    }
                    case WAIT_FOR_MESSAGE_BOX -> {
                        if (c[0] > w.writablesSeen) {
                            w.writablesSeen = c[0];
                            w.think();
                            w.enter(Phase.THINK_THEN_WRITE);
                        }
                    }
                }
                boolean waiting = w.phase == Phase.WAIT_FOR_ANSWERS || w.phase == Phase.WAIT_FOR_MESSAGE_BOX;
                if (waiting) {
                    w.failIfStuck(STEP_TIMEOUT_MS);
                }
            }
            // the curve shows the work done so far: votes cast, SL-CAI runs started
            phase.value = "soak " + workers.stream().mapToInt(w -> w.voted).sum() + "v " + slCai.started.size() + "r";
            if (now - lastRunCheck > 5_000) {
                slCai.check();
                lastRunCheck = now;
            }
            Thread.sleep(POLL_MS);
        }
    }

    // --- memory

    /** One look at memory: this JVM, its child processes (embedded PostgreSQL, Playwright + Chromium), the load. */
    private record Sample(
            double minutes,
            String phase,
            long rssKb,
            long hwmKb,
            long rssAnonKb,
            long rssFileKb,
            long heapUsed,
            long heapCommitted,
            long nonHeapCommitted,
            long direct,
            int threads,
            long postgresPssKb,
            long browserPssKb,
            long otherPssKb,
            String models,
            String load) {

        static final String HEADER = String.format(
                        Locale.ROOT,
                        "%5s %-14s %6s %6s %6s %6s | %6s %6s %6s %5s %6s %4s | %5s %6s %5s | %-8s | %s",
                        "min",
                        "phase",
                        "RSS",
                        "HWM",
                        "anon",
                        "file",
                        "heapU",
                        "heapC",
                        "nonH",
                        "dir",
                        "native",
                        "thr",
                        "pg",
                        "chrome",
                        "other",
                        "load",
                        "models (weights MiB, running/waiting)")
                + "   [MiB; native = RSS - heap committed - non-heap - direct; pg/chrome/other = summed PSS]";

        static Sample take(long jvmStart, String phase, ModelService models, Path dataDir) {
            Map<String, Long> self = status(Path.of("/proc/self/status"));
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                    .mapToLong(BufferPoolMXBean::getMemoryUsed)
                    .sum();
            long pg = 0;
            long browser = 0;
            long other = 0;
            // pg_ctl detaches the embedded postmaster (its parent is init, not this JVM): found by its data directory
            for (long pid : postmasterAndChildren(dataDir)) {
                pg += pssKb(pid);
            }
            for (ProcessHandle p : ProcessHandle.current().descendants().toList()) {
                long pss = pssKb(p.pid());
                String cmd = p.info().command().orElse("").toLowerCase(Locale.ROOT);
                if (cmd.contains("postgres")) {
                    continue; // counted above
                }
                if (cmd.contains("chrom")
                        || cmd.contains("headless")
                        || cmd.contains("node")
                        || cmd.contains("playwright")) {
                    browser += pss;
                } else {
                    other += pss;
                }
            }
            return new Sample(
                    (System.currentTimeMillis() - jvmStart) / 60_000.0,
                    phase,
                    self.getOrDefault("VmRSS", 0L),
                    self.getOrDefault("VmHWM", 0L),
                    self.getOrDefault("RssAnon", 0L),
                    self.getOrDefault("RssFile", 0L) + self.getOrDefault("RssShmem", 0L),
                    memory.getHeapMemoryUsage().getUsed(),
                    memory.getHeapMemoryUsage().getCommitted(),
                    memory.getNonHeapMemoryUsage().getCommitted(),
                    direct,
                    Thread.activeCount(),
                    pg,
                    browser,
                    other,
                    loaded(models),
                    loadAverage());
        }

        long nativeRestKb() {
            return rssKb - (heapCommitted >> 10) - (nonHeapCommitted >> 10) - (direct >> 10);
        }

        String line() {
            return String.format(
                    Locale.ROOT,
                    "%5.1f %-14s %6d %6d %6d %6d | %6d %6d %6d %5d %6d %4d | %5d %6d %5d | %-8s | %s",
                    minutes,
                    phase,
                    rssKb >> 10,
                    hwmKb >> 10,
                    rssAnonKb >> 10,
                    rssFileKb >> 10,
                    heapUsed >> 20,
                    heapCommitted >> 20,
                    nonHeapCommitted >> 20,
                    direct >> 20,
                    nativeRestKb() >> 10,
                    threads,
                    postgresPssKb >> 10,
                    browserPssKb >> 10,
                    otherPssKb >> 10,
                    load,
                    models);
        }

        static String loaded(ModelService models) {
            if (models == null) {
                return "-";
            }
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            "admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
            StringBuilder out = new StringBuilder();
            for (LoadedModel m : models.loadedModels()) {
                out.append(m.name())
                        .append(' ')
                        .append(m.parameterBytes() >> 20)
                        .append(' ')
                        .append(m.running())
                        .append('/')
                        .append(m.waiting())
                        .append("; ");
            }
            return out.isEmpty() ? "none" : out.toString();
        }

        static String loadAverage() {
            try {
                String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return f[0] + "/" + f[1] + "/" + f[2];
            } catch (IOException e) {
                return "?";
            }
        }

        /** The kB fields of a /proc status file. */
        static Map<String, Long> status(Path file) {
            Map<String, Long> out = new LinkedHashMap<>();
            try {
                for (String line : Files.readAllLines(file)) {
                    int colon = line.indexOf(':');
                    if (colon > 0 && line.endsWith(" kB")) {
                        out.put(
                                line.substring(0, colon),
                                Long.parseLong(line.substring(colon + 1, line.length() - 3)
                                        .strip()));
                    }
                }
            } catch (IOException e) {
                // a process that ended between listing and reading
            }
            return out;
        }

        /** The embedded PostgreSQL server started with a data directory under {@code dataDir}, and its backends. */
        static List<Long> postmasterAndChildren(Path dataDir) {
            List<Long> out = new ArrayList<>();
            String tag = dataDir.getFileName().toString();
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.toList()) {
                    String name = proc.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    String cmdline;
                    try {
                        cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                    } catch (IOException e) {
                        continue; // ended meanwhile
                    }
                    if (cmdline.contains("postgres") && cmdline.contains(" -D ") && cmdline.contains(tag)) {
                        long pid = Long.parseLong(name);
                        out.add(pid);
                        ProcessHandle.of(pid).ifPresent(pm -> pm.children().forEach(c -> out.add(c.pid())));
                    }
                }
            } catch (IOException e) {
                // no /proc: not Linux
            }
            return out;
        }

        /** Proportional set size (shared pages divided among the processes sharing them); RSS if not readable. */
        static long pssKb(long pid) {
            Map<String, Long> rollup = status(Path.of("/proc/" + pid + "/smaps_rollup"));
            Long pss = rollup.get("Pss");
            return pss != null
                    ? pss
                    : status(Path.of("/proc/" + pid + "/status")).getOrDefault("VmRSS", 0L);
        }
    }

    // --- helpers

    private static final class Holder<T> {
        volatile T value;
    }

    private static double sinceMin(long jvmStart) {
        return (System.currentTimeMillis() - jvmStart) / 60_000.0;
    }
}
