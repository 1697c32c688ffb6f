package org.cailab.model.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntSupplier;

/**
 * Throughput of the engine on random weights (not a test). Prints generation tokens/s at batch 1 and 8, scoring and
 * training tokens/s, for a tiny config and a ~110M-parameter one, each the best of a few repetitions (the machine may
 * be shared). When {@code /usr/bin/python3} can import torch (Debian: {@code apt-get install python3-torch}), the
 * same shapes and work run in PyTorch eager ({@code torch_eager_baseline.py}, written as Hugging Face's eager Llama)
 * with the same thread count right after, and each row prints the ratio engine / eager. Arguments: {@code tiny},
 * {@code 100m} or both (default). {@code -Dbench.device=gpu} runs on a GPU, and the baseline then runs on the GPU too
 * (its Python's torch must have CUDA; the per-CPU-second ratio means little there: read the wall ratio);
 * {@code -Dai.djl.pytorch.num_threads=N} sets PyTorch's intra-op threads (the baseline uses as many);
 * {@code -Dbench.reps=N} overrides the repetitions (best of N; more help on a shared machine);
 * {@code -Dbench.rounds=N} lets engine and eager take turns N times and prints the median ratio (the unfused rows and
 * the training benchmarks run in the first round only; {@code -Dbench.extras=false} leaves them out, so that every
 * round runs the same code);
 * {@code -Dbench.python=PATH} another Python. Then SL finetuning and preference-model training tokens/s against the
 * engine's plain forward + backward ({@link TrainingBenchmarks}); {@code memory} measures the peak resident memory of
 * one ~110M finetuning step at batch 8 x 512.
 */
public final class EngineBenchmark {

    private EngineBenchmark() {}

    public static void main(String[] args) throws IOException {
        List<String> which = args.length == 0 ? List.of("tiny", "100m") : List.of(args);
        Device device = Device.fromName(System.getProperty("bench.device", "cpu"));
        Engine.getEngine("PyTorch");
        System.out.printf(
                "cores (availableProcessors) %d, torch intra-op threads %d, inter-op %d, device %s,"
                        + " load average at start %s%n",
                Runtime.getRuntime().availableProcessors(),
                JniUtils.getNumThreads(),
                JniUtils.getNumInteropThreads(),
                device,
                loadAverage());
        if (which.contains("tiny")) {
            run(
                    "tiny (d=128, 4 layers, 4 heads / 2 KV heads, ffn 344, vocab 1024)",
                    tinyConfig(),
                    device,
                    // best of 15: a tiny generation takes 0.05-0.1 s, and with best of 3 whole rounds of the engine's
                    // generation rows came out at half speed (a JIT or GC pause in every short window), while best of
                    // 15 no round fell so (batch-1 ratio 1.22-1.35x over three rounds; README, session 10)
                    new Sizes(32, 64, 64, 64, 128, 8, 10, 15));
        }
        if (which.contains("memory")) {
            TrainingBenchmarks.peakMemory(hundredMConfig(), device, 8, 512);
        }
        if (which.contains("100m")) {
            run(
                    "~110M (d=768, 12 layers, 12 heads, ffn 2048, vocab 32000, tied embeddings)",
                    hundredMConfig(),
                    device,
                    new Sizes(32, 32, 64, 64, 128, 8, 1, 2));
        }
        System.out.printf("%nload average at end %s%n", loadAverage());
    }

    /** The tiny config of the benchmarks: d=128, 4 layers, 4 heads / 2 KV heads, ffn 344, vocab 1024. */
    static LlamaConfig tinyConfig() {
        return LlamaConfig.builder()
                .setVocabSize(1024)
                .setHiddenSize(128)
                .setIntermediateSize(344)
                .setNumLayers(4)
                .setNumHeads(4)
                .optNumKvHeads(2)
                .build();
    }

    /** The ~110M config of the benchmarks: d=768, 12 layers, 12 heads, ffn 2048, vocab 32000, tied embeddings. */
    static LlamaConfig hundredMConfig() {
        return LlamaConfig.builder()
                .setVocabSize(32000)
                .setHiddenSize(768)
                .setIntermediateSize(2048)
                .setNumLayers(12)
                .setNumHeads(12)
                .optTieWordEmbeddings(true)
                .build();
    }

    /** Prompt/generated lengths, scoring prompt/continuation, training length, batch, steps per rep, reps. */
    record Sizes(
            int prompt,
            int newTokens,
            int scorePrompt,
            int scoreContinuation,
            int trainLength,
            int batch,
            int trainSteps,
            int reps) {}

    private static final boolean EXTRAS = Boolean.parseBoolean(System.getProperty("bench.extras", "true"));

    private static void run(String name, LlamaConfig config, Device device, Sizes given) {
        // -Dbench.reps=N: more repetitions give a truer best on a machine shared with other work
        int reps = Integer.getInteger("bench.reps", given.reps());
        // -Dbench.rounds=N: engine and eager take turns N times; the ratio of each round compares two measurements
        // taken minutes apart at most, and the median over the rounds is what the README reports
        int rounds = Math.max(1, Integer.getInteger("bench.rounds", 1));
        Sizes s = new Sizes(
                given.prompt(),
                given.newTokens(),
                given.scorePrompt(),
                given.scoreContinuation(),
                given.trainLength(),
                given.batch(),
                given.trainSteps(),
                reps);
        System.out.printf("%n== %s: %.1fM parameters%n", name, config.parameterCount() / 1e6);
        String[] rows = {"generate batch 1", "generate batch " + s.batch(), "score", "train"};
        String[] keys = {"generate_1", "generate_batch", "score", "train"};
        double[][] wallRatios = new double[rows.length][rounds];
        double[][] cpuRatios = new double[rows.length][rounds];
        for (int round = 0; round < rounds; round++) {
            if (rounds > 1) {
                System.out.printf("%n-- round %d of %d, load average %s%n", round + 1, rounds, loadAverage());
            }
            // -Dbench.extras=false: no unfused rows and no training benchmarks in round 1, so every round runs the same
            // code
            double[][] ours = engine(config, device, s, round == 0 && EXTRAS);
            Map<String, Object> eager =
                    TorchBaseline.run(config, s, JniUtils.getNumThreads(), device.isGpu() ? "cuda" : "cpu");
            if (eager == null) {
                return;
            }
            System.out.printf(
                    "PyTorch %s eager on %s%s, %s intra-op thread(s), BLAS %s, same shapes:%n",
                    eager.get("torch"),
                    eager.get("device"),
                    eager.containsKey("gpu") ? " (" + eager.get("gpu") + ")" : "",
                    eager.get("threads"),
                    eager.get("blas"));
            if (String.valueOf(eager.get("blas")).contains("/blas/libblas")) {
                System.out.println("  WARNING: the baseline runs on the reference BLAS (slow matrix products); install"
                        + " OpenBLAS (apt-get install libopenblas0-pthread) for a fair baseline");
            }
            for (int i = 0; i < rows.length; i++) {
                double theirs = ((Number) eager.get(keys[i])).doubleValue();
                double theirsCpu = ((Number) eager.get(keys[i] + "_cpu")).doubleValue();
                wallRatios[i][round] = ours[i][0] / theirs;
                cpuRatios[i][round] = ours[i][1] / theirsCpu;
                System.out.printf(
                        "  %-18s wall: engine %8.1f, eager %8.1f tokens/s, ratio %.2fx;"
                                + "  per CPU-second: engine %8.1f, eager %8.1f, ratio %.2fx%n",
                        rows[i], ours[i][0], theirs, wallRatios[i][round], ours[i][1], theirsCpu, cpuRatios[i][round]);
            }
        }
        if (rounds > 1) {
            System.out.printf("%nmedian ratio engine / eager over %d alternating rounds (min - max):%n", rounds);
            for (int i = 0; i < rows.length; i++) {
                System.out.printf(
                        "  %-18s wall %.2fx (%.2f - %.2f);  per CPU-second %.2fx (%.2f - %.2f)%n",
                        rows[i],
                        median(wallRatios[i]),
                        java.util.Arrays.stream(wallRatios[i]).min().orElseThrow(),
                        java.util.Arrays.stream(wallRatios[i]).max().orElseThrow(),
                        median(cpuRatios[i]),
                        java.util.Arrays.stream(cpuRatios[i]).min().orElseThrow(),
                        java.util.Arrays.stream(cpuRatios[i]).max().orElseThrow());
            }
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Engine {wall, CPU} tokens/s: generate batch 1, generate batch B, score, train. */
    private static double[][] engine(LlamaConfig config, Device device, Sizes s, boolean extras) {
        double[][] out = new double[4][];
        long t0 = System.nanoTime();
        try (LlamaModel model = LlamaModel.fromTensors(config, TinyModels.randomTensors(config, 1), device);
                CausalLm lm = CausalLm.of(model, null)) {
            System.out.printf("random init + upload %.1f s%n", (System.nanoTime() - t0) / 1e9);
            Random random = new Random(7);
            GenerationOptions options = GenerationOptions.builder()
                    .optMaxNewTokens(s.newTokens())
                    .optSeed(1L)
                    .optStopSequences(List.of())
                    .optStopAtEos(false)
                    .build();
            lm.generate(List.of(GenerationRequest.ofIds(ids(random, s.prompt(), config), options))); // warm-up
            int[] batches = {1, s.batch()};
            // what the fused q/k/v projection and the RoPE tables bring, measured here against the plain path
            Transformer.fusedEnabled = false;
            for (int batch : extras ? batches : new int[0]) {
                List<GenerationRequest> requests = new ArrayList<>();
                for (int b = 0; b < batch; b++) {
                    requests.add(GenerationRequest.ofIds(ids(random, s.prompt(), config), options.withSeed((long) b)));
                }
                report(
                        String.format("generate batch %d, unfused (separate q/k/v, RoPE computed per step)", batch),
                        s.reps(),
                        () -> lm.generate(requests).stream()
                                .mapToInt(g -> g.tokenIds().length)
                                .sum());
            }
            Transformer.fusedEnabled = true;
            for (int k = 0; k < 2; k++) {
                int batch = batches[k];
                List<GenerationRequest> requests = new ArrayList<>();
                for (int b = 0; b < batch; b++) {
                    requests.add(GenerationRequest.ofIds(ids(random, s.prompt(), config), options.withSeed((long) b)));
                }
                out[k] = reportBoth(
                        String.format(
                                "generate batch %d (%d-token prompts, %d new tokens each, incl. prefill)",
                                batch, s.prompt(), s.newTokens()),
                        s.reps(),
                        () -> lm.generate(requests).stream()
                                .mapToInt(g -> g.tokenIds().length)
                                .sum());
            }
            List<long[]> prompts = new ArrayList<>();
            List<long[]> continuations = new ArrayList<>();
            for (int b = 0; b < s.batch(); b++) {
                prompts.add(ids(random, s.scorePrompt(), config));
                continuations.add(ids(random, s.scoreContinuation(), config));
            }
            lm.scoreIds(prompts.subList(0, 1), continuations.subList(0, 1), s.batch()); // warm-up
            out[2] = reportBoth(
                    String.format(
                            "score batch %d x (%d prompt + %d continuation), counting all tokens",
                            s.batch(), s.scorePrompt(), s.scoreContinuation()),
                    s.reps(),
                    () -> {
                        lm.scoreIds(prompts, continuations, s.batch());
                        return s.batch() * (s.scorePrompt() + s.scoreContinuation());
                    });
            out[3] = train(model, config, s, random);
            if (extras) {
                TrainingBenchmarks.run(
                        model, config, s.batch(), s.trainLength(), s.trainSteps(), s.reps(), device, random);
            }
        }
        return out;
    }

    private static double[] train(LlamaModel model, LlamaConfig config, Sizes s, Random random) {
        TrainingConfig training = TrainingConfig.builder()
                .setTotalSteps(1000)
                .optLearningRate(1e-4)
                .optMicroBatchSize(s.batch())
                .build();
        List<TrainingExample> batch = new ArrayList<>();
        for (int b = 0; b < s.batch(); b++) {
            batch.add(TrainingExample.allTokens(ids(random, s.trainLength(), config)));
        }
        try (Trainer trainer = new Trainer(model, training)) {
            trainer.step(batch); // warm-up
            return reportBoth(
                    String.format(
                            "train batch %d x %d tokens (forward, backward, clip, AdamW), %d step(s)",
                            s.batch(), s.trainLength(), s.trainSteps()),
                    s.reps(),
                    () -> {
                        int tokens = 0;
                        for (int i = 0; i < s.trainSteps(); i++) {
                            tokens += trainer.step(batch).tokens();
                        }
                        return tokens;
                    });
        }
    }

    /** Like {@link #reportBoth}, returning the best wall-clock tokens/s. */
    static double report(String what, int reps, IntSupplier work) {
        return reportBoth(what, reps, work)[0];
    }

    /**
     * Runs the work {@code reps} times and prints the best wall-clock rate and the best rate per CPU-second of this
     * thread (with one intra-op thread PyTorch computes on the calling thread): on a machine shared with other
     * processes the CPU-time rate depends less on the load. Returns {wall tokens/s, tokens per CPU-second}.
     */
    static double[] reportBoth(String what, int reps, IntSupplier work) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        int tokens = 0;
        for (int r = 0; r < reps; r++) {
            long start = System.nanoTime();
            long cpuStart = cpu.getCurrentThreadCpuTime();
            tokens = work.getAsInt();
            bestCpu = Math.min(bestCpu, (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        System.out.printf(
                "%s: %d tokens in %.2f s (best of %d) = %.1f tokens/s; %.1f tokens per CPU-second%n",
                what, tokens, best, reps, tokens / best, tokens / bestCpu);
        return new double[] {tokens / best, tokens / bestCpu};
    }

    private static String loadAverage() {
        Path loadavg = Path.of("/proc/loadavg");
        try {
            return Files.exists(loadavg) ? Files.readString(loadavg).strip() : "n/a";
        } catch (IOException e) {
            return "n/a";
        }
    }

    static long[] ids(Random random, int n, LlamaConfig config) {
        return TestModels.randomIds(random, n, config.vocabSize());
    }
}
