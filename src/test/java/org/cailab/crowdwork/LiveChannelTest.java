package org.cailab.crowdwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.cailab.model.GenerationResult;
import org.cailab.model.ModelBusyException;
import org.cailab.model.ModelService;
import org.cailab.model.RequestPriority;
import org.cailab.model.SamplingSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The shared live generation in isolation: the models are scripted futures, so that streaming, fail-fast
 * cancellation and the worker's wording for one and for several answers are exact. The features' end-to-end paths
 * on real tiny models are ComparisonServiceIT and RedTeamServiceIT.
 */
class LiveChannelTest {

    private final ModelService models = mock(ModelService.class);
    private final LiveGeneration live =
            new LiveGeneration(models, new CrowdworkProperties(50, Duration.ofSeconds(5), Duration.ofMillis(10)));
    private final CompletableFuture<GenerationResult> first = new CompletableFuture<>();
    private final CompletableFuture<GenerationResult> second = new CompletableFuture<>();
    private final List<Consumer<String>> streams = new CopyOnWriteArrayList<>();
    private final Store store = new Store();

    @AfterEach
    void stop() {
        live.destroy();
    }

    @Test
    void oneAnswerStreamsWhatThePageShowsAndStoresTheRawText() {
        scriptModels();
        LiveChannel channel = live.channel("red-team", String::toUpperCase);
        Recorder recorder = new Recorder();

        channel.start(7, "redteam-attempt-3", List.of(new LiveAnswer(1, "prompt")), store);
        channel.subscribe(7, recorder).orElseThrow();
        streams.get(0).accept("so");
        streams.get(0).accept("on");
        eventually(() -> recorder.events.contains("0:SOON"));
        assertThat(channel.isGenerating(7)).isTrue();

        first.complete(result("soon."));
        eventually(() -> recorder.events.contains("ready:stored soon."));
        assertThat(store.stored).containsExactly(List.of("soon."));
        assertThat(channel.isGenerating(7)).isFalse();
        assertThat(recorder.events.getLast()).isEqualTo("ready:stored soon.");
    }

    @Test
    void liveRequestsUseLivePriorityTheCapKeyAndTheTokenLimit() {
        scriptModels();
        live.channel("comparison", s -> s)
                .start(
                        7,
                        "comparison-conversation-3",
                        List.of(new LiveAnswer(1, "prompt"), new LiveAnswer(2, "prompt")),
                        store);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<SamplingSettings> settings = ArgumentCaptor.forClass(SamplingSettings.class);
        org.mockito.Mockito.verify(models, org.mockito.Mockito.times(2))
                .generate(any(Long.class), anyString(), settings.capture(), any());
        assertThat(settings.getAllValues()).allSatisfy(s -> {
            assertThat(s.priority()).isEqualTo(RequestPriority.LIVE);
            assertThat(s.user()).isEqualTo("comparison-conversation-3");
            assertThat(s.maxNewTokens()).isEqualTo(50);
        });
    }

    @Test
    void oneFailingAnswerFailsTheTurnAtOnceAndCancelsTheOther() {
        scriptModels();
        LiveChannel channel = live.channel("comparison", s -> s);
        Recorder recorder = new Recorder();
        channel.start(7, "u", List.of(new LiveAnswer(1, "p"), new LiveAnswer(2, "p")), store);
        channel.subscribe(7, recorder).orElseThrow();

        first.completeExceptionally(new IllegalStateException("engine down"));
        eventually(() -> recorder.events.stream().anyMatch(e -> e.startsWith("failed")));
        assertThat(second).isCancelled();
        assertThat(store.failures).containsExactly("IllegalStateException");
        assertThat(store.stored).isEmpty();
        assertThat(recorder.events)
                .contains("failed:The answers could not be generated (IllegalStateException). Please send your"
                        + " message again.");
    }

    @Test
    void aBusyModelTellsTheWorkerToWaitInTheSingularForOneAnswer() {
        scriptModels();
        LiveChannel channel = live.channel("red-team", s -> s);
        Recorder recorder = new Recorder();
        channel.start(7, "u", List.of(new LiveAnswer(1, "p")), store);
        channel.subscribe(7, recorder).orElseThrow();

        first.completeExceptionally(new ModelBusyException("queue full", new RuntimeException()));
        eventually(() -> recorder.events.stream().anyMatch(e -> e.startsWith("failed")));
        assertThat(store.failures).containsExactly("the model is busy");
        assertThat(recorder.events)
                .contains("failed:The model is busy right now. Please wait a moment and send your message again.");
    }

    @Test
    void startingTwiceGeneratesOnceAndChannelsKeepTheirOwnTurns() {
        scriptModels();
        LiveChannel comparison = live.channel("comparison", s -> s);
        LiveChannel redTeam = live.channel("red-team", s -> s);
        comparison.start(7, "u", List.of(new LiveAnswer(1, "p")), store);
        comparison.start(7, "u", List.of(new LiveAnswer(1, "p")), store);
        assertThat(streams).hasSize(1);
        assertThat(redTeam.isGenerating(7)).isFalse();
        assertThat(redTeam.subscribe(7, new Recorder())).isEmpty();
        redTeam.start(7, "v", List.of(new LiveAnswer(2, "p")), store);
        assertThat(streams).hasSize(2);
    }

    private void scriptModels() {
        when(models.generate(eq(1L), anyString(), any(), any())).thenAnswer(call -> {
            streams.add(call.getArgument(3));
            return first;
        });
        when(models.generate(eq(2L), anyString(), any(), any())).thenAnswer(call -> {
            streams.add(call.getArgument(3));
            return second;
        });
    }

    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static GenerationResult result(String text) {
        return new GenerationResult(text, 5, 5, "stop", Duration.ofMillis(10));
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
