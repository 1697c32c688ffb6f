package org.cailab.model.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;

/**
 * Mixed load on the continuous batcher (not a test): live "workers" (each sends a request, waits for the answer,
 * thinks 0-50 ms, again) while a pipeline pushes many requests. Prints live latency p50/p95 alone and under the
 * pipeline (the ratio shows the priorities at work), and the pipeline's tokens/s alone and under live load, in one
 * run, on the tiny config with random weights ({@code -Dbench.device=gpu} on a GPU). Arguments: {@code [workers] [requestsPerWorker] [pipelineRequests]
 * [batchLimit]} (default 20 3 160 8: the batch limit stays at 8, the product's default until 2026-12-04, so that the
 * figures compare with the earlier ones; pass 16 for today's default).
 */
public final class ServingBenchmark {

    private static int batchLimit = 8;

    private ServingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int perWorker = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int pipelineRequests = args.length > 2 ? Integer.parseInt(args[2]) : 160;
        batchLimit = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        Engine.getEngine("PyTorch");
        System.out.printf(
                "cores %d, torch intra-op threads %d, batch limit %d, load average at start %s%n",
                Runtime.getRuntime().availableProcessors(), JniUtils.getNumThreads(), batchLimit, loadAverage());
        LlamaConfig config = EngineBenchmark.tinyConfig();
        try (CausalLm lm = CausalLm.of(
                LlamaModel.fromTensors(
                        config,
                        TinyModels.randomTensors(config, 1),
                        Device.fromName(System.getProperty("bench.device", "cpu"))),
                null)) {
            GenerationOptions answer = GenerationOptions.builder()
                    .optMaxNewTokens(32)
                    .optStopSequences(List.of())
                    .optStopAtEos(false)
                    .build();
            lm.generate(List.of(GenerationRequest.ofIds(prompt(new Random(0), config), answer))); // warm-up
            try (DynamicBatcher batcher = batcher(lm)) {
                live(batcher, config, answer, workers, 1); // warm-up (JIT, allocator), not reported
            }
            // two rounds of the three scenarios: the machine may be shared, so each round is printed
            for (int round = 1; round <= 2; round++) {
                List<Double> liveAlone;
                double pipelineAlone;
                List<Double> liveMixed;
                double pipelineMixed;
                long preempted;
                try (DynamicBatcher batcher = batcher(lm)) {
                    liveAlone = live(batcher, config, answer, workers, perWorker);
                }
                try (DynamicBatcher batcher = batcher(lm)) {
                    pipelineAlone = pipeline(batcher, config, answer, pipelineRequests);
                }
                try (DynamicBatcher batcher = batcher(lm)) {
                    CompletableFuture<Double> pipeline = CompletableFuture.supplyAsync(
                            () -> pipeline(batcher, config, answer, pipelineRequests), Thread::startVirtualThread);
                    liveMixed = live(batcher, config, answer, workers, perWorker);
                    pipelineMixed = pipeline.join();
                    preempted = batcher.preemptions();
                }
                System.out.printf("round %d, load average %s%n", round, loadAverage());
                System.out.printf(
                        "  live (%d workers x %d requests, 32-token answers), request to answer complete:%n",
                        workers, perWorker);
                System.out.printf(
                        "    alone           p50 %6.0f ms  p95 %6.0f ms%n", pct(liveAlone, 50), pct(liveAlone, 95));
                System.out.printf(
                        "    with pipeline   p50 %6.0f ms  p95 %6.0f ms  (p95 ratio %.2fx; %d pipeline rows"
                                + " preempted)%n",
                        pct(liveMixed, 50), pct(liveMixed, 95), pct(liveMixed, 95) / pct(liveAlone, 95), preempted);
                System.out.printf(
                        "  pipeline (%d requests): alone %.0f tokens/s, with live load %.0f tokens/s"
                                + " (ratio %.2f)%n",
                        pipelineRequests, pipelineAlone, pipelineMixed, pipelineMixed / pipelineAlone);
            }
        }
        System.out.printf("load average at end %s%n", loadAverage());
    }

    private static DynamicBatcher batcher(CausalLm lm) {
        return DynamicBatcher.builder()
                .setModel(lm)
                .optMaxBatchSize(batchLimit)
                .optMaxWait(Duration.ofMillis(5))
                .build();
    }

    /** Each worker: request, wait, think, repeat; returns the latencies in ms. */
    private static List<Double> live(
            DynamicBatcher batcher, LlamaConfig config, GenerationOptions answer, int workers, int perWorker)
            throws InterruptedException {
        List<Double> latencies = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            threads.add(Thread.ofPlatform().start(() -> {
                Random random = new Random(worker);
                for (int i = 0; i < perWorker; i++) {
                    long start = System.nanoTime();
                    batcher.submit(
                                    GenerationRequest.ofIds(prompt(random, config), answer.withSeed((long) i)),
                                    Priority.LIVE,
                                    "worker-" + worker)
                            .join();
                    latencies.add((System.nanoTime() - start) / 1e6);
                    try {
                        Thread.sleep(random.nextInt(50));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return latencies;
    }

    /** Pushes requests with a window as {@code ModelService#generateAll} does; returns tokens/s. */
    private static double pipeline(DynamicBatcher batcher, LlamaConfig config, GenerationOptions answer, int requests) {
        Semaphore window = new Semaphore(64);
        Random random = new Random(99);
        List<CompletableFuture<Generation>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            window.acquireUninterruptibly();
            CompletableFuture<Generation> f = batcher.submit(
                    GenerationRequest.ofIds(prompt(random, config), answer.withSeed((long) i)),
                    Priority.PIPELINE,
                    "run-1");
            f.whenComplete((g, e) -> window.release());
            futures.add(f);
        }
        int tokens = futures.stream().mapToInt(f -> f.join().tokenIds().length).sum();
        return tokens / ((System.nanoTime() - start) / 1e9);
    }

    private static long[] prompt(Random random, LlamaConfig config) {
        return TestModels.randomIds(random, 24 + random.nextInt(16), config.vocabSize());
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.exists(loadavg) ? Files.readString(loadavg).strip() : "n/a";
    }
}
