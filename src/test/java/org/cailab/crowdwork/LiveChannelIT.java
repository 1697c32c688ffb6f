package org.cailab.crowdwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cailab.support.AsUser.asAdmin;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.cailab.model.GenerationResult;
import org.cailab.model.LoadedModel;
import org.cailab.model.ModelProperties;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelService;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.NewSnapshot;
import org.cailab.model.RemoteBackend;
import org.cailab.model.SamplingSettings;
import org.cailab.model.SnapshotKind;
import org.cailab.support.IntegrationTest;
import org.cailab.support.TinyModelFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shared live generation (what the comparison and red-team pages use) on the application's real
 * {@link ModelService}: a real tiny model on the local engine, and remote OpenAI-compatible backends that are small
 * HTTP servers answering 500 or never answering. Nothing is scripted: the turn is held back by a real request that
 * occupies the model's batcher (its streaming listener waits), "busy" comes from the batcher's bounded live queue,
 * and cancellation is seen in that queue. The features' own paths are ComparisonServiceIT and RedTeamServiceIT.
 */
class LiveChannelIT extends IntegrationTest {

    private static final String PROMPT = "\n\nHuman: hello world?\n\nAssistant:";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final CrowdworkProperties SETTINGS =
            new CrowdworkProperties(50, Duration.ofSeconds(60), Duration.ofMillis(10));

    /** One tiny model for the class: its batcher is held by {@link Gate}s, one test at a time. */
    private static ModelSnapshot tiny;

    @Autowired
    ModelRegistry registry;

    @Autowired
    ModelService models;

    @Autowired
    ModelProperties modelProperties;

    private final List<LiveGeneration> lives = new ArrayList<>();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final Store store = new Store();

    @BeforeEach
    void tinyModel() {
        if (tiny == null) {
            tiny = asAdmin(() -> registry.register(NewSnapshot.local(
                    unique("live-tiny"),
                    SnapshotKind.PRETRAINED,
                    TinyModelFixture.create("live", 31).toString())));
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
        lives.forEach(LiveGeneration::destroy);
    }

    @Test
    void oneAnswerStreamsWhatThePageShowsAndStoresTheRawTextAndLateSubscribersGetTheOutcome() {
        LiveChannel channel = live(SETTINGS).channel("red-team", String::toUpperCase);
        Recorder recorder = new Recorder();
        Gate gate = gate();

        start(channel, 7, "redteam-attempt-3", List.of(new LiveAnswer(tiny.id(), PROMPT)));
        channel.subscribe(7, recorder).orElseThrow();
        assertThat(channel.isGenerating(7)).isTrue();
        assertThat(waiting()).as("the answer waits behind the held request").isEqualTo(1);

        gate.open();
        eventually(() -> recorder.events.stream().anyMatch(e -> e.startsWith("ready:")));
        assertThat(store.stored).hasSize(1);
        String raw = store.stored.getFirst().getFirst();
        assertThat(store.failures).isEmpty();
        assertThat(recorder.events.getLast()).isEqualTo("ready:stored " + raw);
        assertThat(channel.isGenerating(7)).isFalse();
        // the page saw the shown (upper-cased) text as it grew, never the raw text
        List<String> texts = recorder.events.stream()
                .filter(e -> e.startsWith("0:"))
                .map(e -> e.substring(2))
                .toList();
        assertThat(texts).allSatisfy(t -> assertThat(raw.toUpperCase()).startsWith(t));
        if (!raw.isEmpty()) {
            assertThat(texts).last().isEqualTo(raw.toUpperCase());
        }

        // a page that subscribes after the end still gets the text and the outcome, once
        Recorder late = new Recorder();
        channel.subscribe(7, late).orElseThrow();
        eventually(() -> late.events.contains("ready:stored " + raw));
        assertThat(late.events.stream().filter(e -> e.startsWith("ready:"))).hasSize(1);
    }

    @Test
    void startingTwiceGeneratesOnceAndChannelsKeepTheirOwnTurns() {
        LiveGeneration live = live(SETTINGS);
        LiveChannel comparison = live.channel("comparison", s -> s);
        LiveChannel redTeam = live.channel("red-team", s -> s);
        Gate gate = gate();

        start(comparison, 7, "u", List.of(new LiveAnswer(tiny.id(), PROMPT)));
        start(comparison, 7, "u", List.of(new LiveAnswer(tiny.id(), PROMPT)));
        assertThat(waiting()).isEqualTo(1);
        assertThat(redTeam.isGenerating(7)).isFalse();
        assertThat(redTeam.subscribe(7, new Recorder())).isEmpty();
        start(redTeam, 7, "v", List.of(new LiveAnswer(tiny.id(), PROMPT)));
        assertThat(waiting()).isEqualTo(2);

        gate.open();
        eventually(() -> store.stored.size() == 2);
        assertThat(comparison.isGenerating(7)).isFalse();
        assertThat(redTeam.isGenerating(7)).isFalse();
    }

    @Test
    void oneFailingAnswerFailsTheTurnAtOnceAndCancelsTheOther() throws Exception {
        FailingServer failing = server(500);
        ModelSnapshot broken = remote(failing.url(), Duration.ofSeconds(30));
        LiveChannel channel = live(SETTINGS).channel("comparison", s -> s);
        Recorder recorder = new Recorder();
        Gate gate = gate();

        // answer 2 waits behind the held request; answer 1's server refuses
        start(
                channel,
                7,
                "comparison-conversation-3",
                List.of(new LiveAnswer(broken.id(), PROMPT), new LiveAnswer(tiny.id(), PROMPT)));
        channel.subscribe(7, recorder).orElseThrow();
        eventually(() -> recorder.events.stream().anyMatch(e -> e.startsWith("failed")));

        assertThat(store.failures).containsExactly("RemoteModelException");
        assertThat(store.stored).isEmpty();
        assertThat(recorder.events)
                .contains("failed:The answers could not be generated (RemoteModelException). Please send your"
                        + " message again.");
        // the server saw a live-sized request
        assertThat(failing.bodies).singleElement().asString().contains("\"max_tokens\":50");
        // the other answer leaves the model's queue without running: a new request clears cancelled ones from the
        // queue, so once the cancellation is through only the probes wait (the cancellation may come a moment after
        // the page heard of the failure)
        List<CompletableFuture<GenerationResult>> probes = new ArrayList<>();
        closing.add(() -> probes.forEach(p -> p.cancel(true)));
        eventually(() -> {
            probes.add(asAdmin(() -> models.generate(
                    tiny.id(), PROMPT, SamplingSettings.defaults().withMaxNewTokens(2), d -> {})));
            return waiting() == probes.size();
        });
        gate.open();
        for (CompletableFuture<GenerationResult> probe : probes) {
            probe.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void aTurnThatTakesTooLongFailsWithTheTimeoutInTheWording() throws Exception {
        FailingServer silent = server(0);
        ModelSnapshot slow = remote(silent.url(), Duration.ofMinutes(5));
        LiveChannel channel = live(new CrowdworkProperties(50, Duration.ofSeconds(1), Duration.ofMillis(10)))
                .channel("red-team", s -> s);
        Recorder recorder = new Recorder();

        start(channel, 8, "u", List.of(new LiveAnswer(slow.id(), PROMPT)));
        channel.subscribe(8, recorder).orElseThrow();
        eventually(() -> recorder.events.stream().anyMatch(e -> e.startsWith("failed")));

        assertThat(silent.bodies).hasSize(1);
        assertThat(store.failures).containsExactly("the model took too long");
        assertThat(recorder.events)
                .contains("failed:The answer could not be generated (the model took too long). Please send your"
                        + " message again.");
    }

    @Test
    void aBusyModelTellsTheWorkerToWaitInTheSingularForOneAnswer() {
        LiveChannel channel = live(SETTINGS).channel("red-team", s -> s);
        Recorder recorder = new Recorder();
        Gate gate = gate();
        // fill the model's bounded live queue behind the held request
        List<CompletableFuture<GenerationResult>> queued = new ArrayList<>();
        for (int i = 0; i < modelProperties.maxQueuedLive(); i++) {
            queued.add(asAdmin(() -> models.generate(
                    tiny.id(),
                    PROMPT,
                    SamplingSettings.defaults().withMaxNewTokens(2).live("filler-" + queued.size()),
                    d -> {})));
        }
        assertThat(queued).noneMatch(CompletableFuture::isDone);
        closing.add(() -> queued.forEach(q -> q.cancel(true)));

        start(channel, 7, "u", List.of(new LiveAnswer(tiny.id(), PROMPT)));
        channel.subscribe(7, recorder).orElseThrow();
        eventually(() -> recorder.events.stream().anyMatch(e -> e.startsWith("failed")));

        assertThat(store.failures).containsExactly("the model is busy");
        assertThat(recorder.events)
                .contains("failed:The model is busy right now. Please wait a moment and send your message again.");
        queued.forEach(q -> q.cancel(true));
        gate.open();
    }

    @Test
    void liveRequestsGoAtLivePrioritySoTheServersLiveTokenLimitApplies() {
        // the server refuses live requests above CAILAB_MAX_LIVE_NEW_TOKENS; pipeline requests are not capped
        int tooMany = modelProperties.maxLiveNewTokens() + 1;
        LiveChannel channel = live(new CrowdworkProperties(tooMany, Duration.ofSeconds(60), Duration.ofMillis(10)))
                .channel("comparison", s -> s);
        Recorder recorder = new Recorder();

        start(channel, 9, "u", List.of(new LiveAnswer(tiny.id(), PROMPT), new LiveAnswer(tiny.id(), PROMPT)));
        channel.subscribe(9, recorder).orElseThrow();
        eventually(() -> recorder.events.stream().anyMatch(e -> e.startsWith("failed")));

        assertThat(store.failures).containsExactly("IllegalArgumentException");
        assertThat(recorder.events)
                .contains("failed:The answers could not be generated (IllegalArgumentException). Please send your"
                        + " message again.");
        assertThat(waiting()).isZero();
    }

    private LiveGeneration live(CrowdworkProperties properties) {
        LiveGeneration live = new LiveGeneration(models, properties);
        lives.add(live);
        return live;
    }

    /** Starts a turn as a signed-in user (the model service checks it; the features' services have by then). */
    private void start(LiveChannel channel, long turnId, String user, List<LiveAnswer> answers) {
        asAdmin(() -> channel.start(turnId, user, answers, store));
    }

    private int waiting() {
        return asAdmin(() -> models.loadedModels()).stream()
                .filter(m -> m.snapshotId() == tiny.id())
                .mapToInt(LoadedModel::waiting)
                .sum();
    }

    /**
     * Holds the tiny model's batcher: a real request whose streaming listener (called on the batcher's one worker
     * thread) waits until {@link #open}, so requests that come after it wait in the queue.
     */
    private Gate gate() {
        Gate gate = new Gate();
        CompletableFuture<GenerationResult> holding = asAdmin(() -> models.generate(
                tiny.id(),
                PROMPT,
                // seeded: its first token is text, not the end of the answer
                SamplingSettings.defaults().withMaxNewTokens(200).withSeed(1L).live("gate"),
                delta -> gate.hold()));
        closing.add(() -> {
            gate.open();
            holding.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        });
        try {
            assertThat(gate.holding.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("the holding request started")
                    .isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return gate;
    }

    private static final class Gate {
        final CountDownLatch holding = new CountDownLatch(1);
        final CountDownLatch opened = new CountDownLatch(1);

        void hold() {
            holding.countDown();
            try {
                opened.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void open() {
            opened.countDown();
        }
    }

    private ModelSnapshot remote(URI url, Duration attemptTimeout) {
        // no retries: the first refusal is the answer's failure
        RemoteBackend backend = RemoteBackend.of(List.of(url), "anything", null).withLimits(2, attemptTimeout, 0);
        return asAdmin(() -> registry.registerRemote(unique("live-remote"), SnapshotKind.PRETRAINED, backend, ""));
    }

    private FailingServer server(int status) throws IOException {
        FailingServer server = new FailingServer(status);
        closing.add(server);
        return server;
    }

    /**
     * An OpenAI-compatible address that answers every request with an error status, or (status 0) never answers
     * until closed; it keeps the request bodies.
     */
    private static final class FailingServer implements AutoCloseable {
        final List<String> bodies = new CopyOnWriteArrayList<>();
        private final HttpServer server;
        private final CountDownLatch closed = new CountDownLatch(1);

        FailingServer(int status) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                try {
                    if (status == 0) {
                        closed.await();
                        return;
                    }
                    byte[] error = "{\"error\":{\"message\":\"engine down\",\"type\":\"server_error\"}}"
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(status, error.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(error);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    exchange.close();
                }
            });
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
        }

        @Override
        public void close() {
            closed.countDown();
            server.stop(0);
        }
    }

    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT.toSeconds() + " s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A task type's store that keeps what it was given. */
    private static final class Store implements LiveStore {
        final List<List<String>> stored = new CopyOnWriteArrayList<>();
        final List<String> failures = new CopyOnWriteArrayList<>();

        @Override
        public LiveOutcome store(List<String> texts) {
            stored.add(texts);
            return LiveOutcome.ready(texts.stream().map(t -> "stored " + t).toList());
        }

        @Override
        public void fail(String reason) {
            failures.add(reason);
        }
    }

    /** Records what a page would get, in order. */
    private static final class Recorder implements LiveListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void onText(int answer, String textSoFar) {
            events.add(answer + ":" + textSoFar);
        }

        @Override
        public void onReady(long turnId, List<String> answers) {
            events.add("ready:" + String.join("|", answers));
        }

        @Override
        public void onFailed(long turnId, String message) {
            events.add("failed:" + message);
        }
    }
}
