package org.cailab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
        GenerationOptions greedy = GenerationOptions.builder().optTemperature(0).optMaxNewTokens(8)
                .optStopAtEos(false).build();
        try (DynamicBatcher batcher = DynamicBatcher.builder().setModel(lm).optMaxBatchSize(clients)
                .optMaxWait(Duration.ofSeconds(5)).build()) {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Generation>> futures = new ArrayList<>();
            List<StringBuilder> streams = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String prompt = HumanAssistantFormat.prompt("Question number " + i + "?");
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
                Generation alone = lm.generate(HumanAssistantFormat.prompt("Question number " + i + "?"), greedy);
                assertThat(g.tokenIds()).containsExactly(alone.tokenIds());
            }
            for (Thread t : threads) {
                t.join();
            }
        }
    }

    @Test
    void aBadRequestFailsAloneNotItsBatch() throws Exception {
        GenerationOptions greedy = GenerationOptions.builder().optTemperature(0).optMaxNewTokens(3).build();
        try (DynamicBatcher batcher = DynamicBatcher.builder().setModel(lm).optMaxBatchSize(2)
                .optMaxWait(Duration.ofSeconds(5)).build()) {
            CompletableFuture<Generation> bad = batcher.submit(GenerationRequest.ofIds(new long[] {1, 99_999}, greedy));
            CompletableFuture<Generation> good = batcher.submit("Hi", greedy);
            assertThat(good.get(60, TimeUnit.SECONDS).tokenIds()).hasSize(3);
            assertThat(bad).failsWithin(Duration.ofSeconds(60));
        }
    }

    @Test
    void closingFailsNewRequests() {
        DynamicBatcher batcher = DynamicBatcher.builder().setModel(lm).build();
        batcher.close();
        assertThat(batcher.submit("Hi", GenerationOptions.defaults())).isCompletedExceptionally();
    }
}
