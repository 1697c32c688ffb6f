package org.cailab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cailab.dialogue.Conversation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.extension.ExtendWith(SingleTorchThread.class)
class DynamicBatcherTest {

    @TempDir
    static Path dir;

    static CausalLm lm;

    @BeforeAll
    static void load() throws IOException {
        TinyLmFixture.create(dir, TestModels.llamaGqa(), 31);
        lm = CausalLm.load(dir);
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    @Test
    void concurrentRequestsAreServedInOneBatch() throws Exception {
        int clients = 5;
        GenerationOptions greedy = GenerationOptions.builder()
                .optTemperature(0)
                .optMaxNewTokens(8)
                .optStopAtEos(false)
                .build();
        try (DynamicBatcher batcher = DynamicBatcher.builder()
                .setModel(lm)
                .optMaxBatchSize(clients)
                .optMaxWait(Duration.ofSeconds(5))
                .build()) {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Generation>> futures = new ArrayList<>();
            List<StringBuilder> streams = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String prompt = Conversation.singleTurnPrompt("Question number " + i + "?");
                StringBuilder stream = new StringBuilder();
                streams.add(stream);
                CompletableFuture<Generation> future = new CompletableFuture<>();
                futures.add(future);
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                        batcher.submit(prompt, greedy, (id, delta) -> stream.append(delta))
                                .whenComplete((g, e) -> {
                                    if (e != null) {
                                        future.completeExceptionally(e);
                                    } else {
                                        future.complete(g);
                                    }
                                });
                    } catch (InterruptedException e) {
                        future.completeExceptionally(e);
                    }
                }));
            }
            start.countDown();
            for (int i = 0; i < clients; i++) {
                Generation g = futures.get(i).get(60, TimeUnit.SECONDS);
                assertThat(g.batchSize()).isEqualTo(clients);
                assertThat(g.tokenIds()).hasSize(8);
                assertThat(streams.get(i).toString()).isEqualTo(g.text());
                Generation alone = lm.generate(Conversation.singleTurnPrompt("Question number " + i + "?"), greedy);
                assertThat(g.tokenIds()).containsExactly(alone.tokenIds());
            }
            for (Thread t : threads) {
                t.join();
            }
        }
    }

    @Test
    void aBadRequestFailsAloneNotItsBatch() throws Exception {
        GenerationOptions greedy =
                GenerationOptions.builder().optTemperature(0).optMaxNewTokens(3).build();
        try (DynamicBatcher batcher = DynamicBatcher.builder()
                .setModel(lm)
                .optMaxBatchSize(2)
                .optMaxWait(Duration.ofSeconds(5))
                .build()) {
            CompletableFuture<Generation> bad = batcher.submit(GenerationRequest.ofIds(new long[] {1, 99_999}, greedy));
            CompletableFuture<Generation> good = batcher.submit("Hi", greedy);
            assertThat(good.get(60, TimeUnit.SECONDS).tokenIds()).hasSize(3);
            assertThat(bad).failsWithin(Duration.ofSeconds(60));
        }
    }

    static GenerationOptions greedy(int tokens) {
        return GenerationOptions.builder()
                .optTemperature(0)
                .optMaxNewTokens(tokens)
                .optStopSequences(List.of())
                .optStopAtEos(false)
                .build();
    }

    @Test
    void aLiveRequestBehind50QueuedPipelineRequestsStartsWithinOneDecodeStep() throws Exception {
        try (DynamicBatcher batcher = DynamicBatcher.builder()
                .setModel(lm)
                .optMaxBatchSize(2)
                .optMaxWait(Duration.ZERO)
                .build()) {
            List<CompletableFuture<Generation>> pipeline = new ArrayList<>();
            // both slots hold pipeline rows (1500 tokens each: they cannot finish) once two rows have a token
            CountDownLatch generating = new CountDownLatch(2);
            for (int i = 0; i < 50; i++) {
                java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean();
                pipeline.add(batcher.submit(
                        GenerationRequest.of("Question " + i, greedy(1500)).withListener((id, delta) -> {
                            if (first.compareAndSet(false, true)) {
                                generating.countDown();
                            }
                        }),
                        Priority.PIPELINE,
                        "run-7"));
            }
            assertThat(generating.await(60, TimeUnit.SECONDS)).isTrue();
            AtomicLong firstTokenStep = new AtomicLong(-1);
            CompletableFuture<Generation> live = batcher.submit(
                    GenerationRequest.of("Hi", greedy(5))
                            .withListener((id, delta) -> firstTokenStep.compareAndSet(-1, batcher.decodeSteps())),
                    Priority.LIVE,
                    "worker-1");
            long queuedBy = batcher.decodeSteps();
            Generation g = live.get(60, TimeUnit.SECONDS);
            // the worker admits before each step, so the first token comes at most one step after the request queued
            assertThat(firstTokenStep.get() - queuedBy).isLessThanOrEqualTo(1);
            assertThat(batcher.preemptions()).isPositive();
            assertThat(g.tokenIds())
                    .containsExactly(lm.generate("Hi", greedy(5)).tokenIds());
            assertThat(pipeline).noneMatch(CompletableFuture::isDone);
            pipeline.forEach(f -> f.cancel(true));
        }
    }

    @Test
    void aCancelledRequestStopsAtTheNextStepAndFreesItsSlot() throws Exception {
        try (DynamicBatcher batcher = DynamicBatcher.builder()
                .setModel(lm)
                .optMaxBatchSize(1)
                .optMaxWait(Duration.ZERO)
                .build()) {
            AtomicInteger streamed = new AtomicInteger();
            CountDownLatch started = new CountDownLatch(3);
            CompletableFuture<Generation> first = batcher.submit(
                    GenerationRequest.of("Hi", greedy(2000)).withListener((id, delta) -> {
                        streamed.incrementAndGet();
                        started.countDown();
                    }),
                    Priority.LIVE,
                    "a");
            assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
            first.cancel(true);
            // one slot: the second request can only run once the first row has left the batch
            Generation second = batcher.submit(GenerationRequest.of("What", greedy(4)), Priority.LIVE, "b")
                    .get(60, TimeUnit.SECONDS);
            assertThat(second.tokenIds()).hasSize(4);
            assertThat(first).isCancelled();
            assertThat(streamed.get()).isLessThan(2000);
        }
    }

    @Test
    void aFullQueueAnswersBusyAtOnce() throws Exception {
        try (DynamicBatcher batcher = DynamicBatcher.builder()
                .setModel(lm)
                .optMaxBatchSize(1)
                .optMaxWait(Duration.ZERO)
                .optMaxQueued(2, 3)
                .build()) {
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Generation> running = batcher.submit(
                    GenerationRequest.of("Hi", greedy(2000)).withListener((id, delta) -> started.countDown()),
                    Priority.LIVE,
                    "a");
            assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Generation>> waiting = new ArrayList<>();
            waiting.add(batcher.submit(GenerationRequest.of("Hi", greedy(3)), Priority.LIVE, "b"));
            waiting.add(batcher.submit(GenerationRequest.of("Hi", greedy(3)), Priority.LIVE, "c"));
            CompletableFuture<Generation> refused =
                    batcher.submit(GenerationRequest.of("Hi", greedy(3)), Priority.LIVE, "d");
            assertThat(refused).isCompletedExceptionally();
            assertThatThrownBy(refused::join)
                    .hasCauseInstanceOf(BusyException.class)
                    .hasMessageContaining("busy");
            CompletableFuture<Generation> pipeline =
                    batcher.submit(GenerationRequest.of("Hi", greedy(3)), Priority.PIPELINE, "run");
            assertThat(pipeline).isNotDone();
            assertThat(batcher.waiting()).isEqualTo(3);
            // a cancelled waiting request gives its place back
            waiting.getFirst().cancel(true);
            assertThat(batcher.submit(GenerationRequest.of("Hi", greedy(3)), Priority.LIVE, "e"))
                    .isNotCompletedExceptionally();
            running.cancel(true);
            waiting.forEach(f -> f.cancel(true));
            pipeline.cancel(true);
        }
    }

    @Test
    void eachFinishedRequestReportsWhereItsTimeWent() throws Exception {
        List<DynamicBatcher.Timings> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (DynamicBatcher batcher = DynamicBatcher.builder()
                .setModel(lm)
                .optMaxBatchSize(1)
                .optMaxWait(Duration.ZERO)
                .optTimingListener(heard::add)
                .build()) {
            // one slot: the second request waits in the queue while the first one decodes its 40 tokens
            long start = System.nanoTime();
            CompletableFuture<Generation> first =
                    batcher.submit(GenerationRequest.of("Hi", greedy(40)), Priority.LIVE, "a");
            CompletableFuture<Generation> second =
                    batcher.submit(GenerationRequest.of("What", greedy(6)), Priority.PIPELINE, "b");
            Generation a = first.get(60, TimeUnit.SECONDS);
            Generation b = second.get(60, TimeUnit.SECONDS);
            Duration wall = Duration.ofNanos(System.nanoTime() - start);

            // reported before the futures complete, one report per request, in finishing order
            assertThat(heard).hasSize(2);
            DynamicBatcher.Timings ta = heard.get(0);
            DynamicBatcher.Timings tb = heard.get(1);
            assertThat(ta.priority()).isEqualTo(Priority.LIVE);
            assertThat(tb.priority()).isEqualTo(Priority.PIPELINE);
            assertThat(ta.newTokens()).isEqualTo(a.tokenIds().length).isEqualTo(40);
            assertThat(tb.newTokens()).isEqualTo(b.tokenIds().length).isEqualTo(6);
            for (DynamicBatcher.Timings t : List.of(ta, tb)) {
                assertThat(t.prefill()).isPositive();
                assertThat(t.decode())
                        .as("more than one token: decode steps ran")
                        .isPositive();
                assertThat(t.queued().isNegative()).isFalse();
                assertThat(t.queued().plus(t.prefill()).plus(t.decode())).isLessThanOrEqualTo(wall);
            }
            // the second waited at least for the first one's decoding
            assertThat(tb.queued()).isGreaterThanOrEqualTo(ta.decode());
        }
        // failed and cancelled requests are not reported
        heard.clear();
        try (DynamicBatcher batcher = DynamicBatcher.builder()
                .setModel(lm)
                .optMaxBatchSize(1)
                .optMaxWait(Duration.ZERO)
                .optTimingListener(heard::add)
                .build()) {
            CompletableFuture<Generation> bad =
                    batcher.submit(GenerationRequest.ofIds(new long[] {1, 99_999}, greedy(3)));
            assertThat(bad).failsWithin(Duration.ofSeconds(60));
            assertThat(heard).isEmpty();
        }
    }

    @Test
    void closingFailsNewRequests() {
        DynamicBatcher batcher = DynamicBatcher.builder().setModel(lm).build();
        batcher.close();
        assertThat(batcher.submit("Hi", GenerationOptions.defaults())).isCompletedExceptionally();
    }
}
