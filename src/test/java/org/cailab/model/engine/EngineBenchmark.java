package org.cailab.model.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Throughput of the engine on random weights (not a test). Prints generation tokens/s at batch 1 and 8, scoring and
 * training tokens/s, for a tiny config and a ~100M-parameter one. Arguments: {@code tiny}, {@code 100m} or both
 * (default); {@code -Dbench.device=gpu} to run on a GPU.
 */
public final class EngineBenchmark {

    private EngineBenchmark() {}

    public static void main(String[] args) {
        List<String> which = args.length == 0 ? List.of("tiny", "100m") : List.of(args);
        Device device = Device.fromName(System.getProperty("bench.device", "cpu"));
        Engine.getEngine("PyTorch");
        System.out.printf("cores (availableProcessors) %d, torch intra-op threads %d, inter-op %d, device %s%n",
                Runtime.getRuntime().availableProcessors(), JniUtils.getNumThreads(), JniUtils.getNumInteropThreads(),
                device);
        if (which.contains("tiny")) {
            run("tiny (d=128, 4 layers, vocab 1024)", LlamaConfig.builder().setVocabSize(1024).setHiddenSize(128)
                    .setIntermediateSize(344).setNumLayers(4).setNumHeads(4).optNumKvHeads(2).build(), device,
                    new Sizes(32, 64, 64, 64, 128, 8, 20));
        }
        if (which.contains("100m")) {
            run("100M (d=768, 12 layers, 12 heads, ffn 2048, vocab 32000)", LlamaConfig.builder().setVocabSize(32000)
                    .setHiddenSize(768).setIntermediateSize(2048).setNumLayers(12).setNumHeads(12).build(), device,
                    new Sizes(32, 32, 64, 64, 128, 8, 2));
        }
    }

    /** Prompt and generated lengths, scoring prompt/continuation lengths, training sequence, batch and steps. */
    record Sizes(int prompt, int newTokens, int scorePrompt, int scoreContinuation, int trainLength, int batch,
            int trainSteps) {}

    private static void run(String name, LlamaConfig config, Device device, Sizes s) {
        System.out.printf("%n== %s: %.1fM parameters%n", name, config.parameterCount() / 1e6);
        long t0 = System.nanoTime();
        try (LlamaModel model = LlamaModel.fromTensors(config, TinyModels.randomTensors(config, 1), device);
                CausalLm lm = CausalLm.of(model, null)) {
            System.out.printf("init + upload %.1f s%n", (System.nanoTime() - t0) / 1e9);
            Random random = new Random(7);
            GenerationOptions options = GenerationOptions.builder().optMaxNewTokens(s.newTokens()).optSeed(1L)
                    .optStopSequences(List.of()).optStopAtEos(false).build();
            lm.generate(List.of(GenerationRequest.ofIds(ids(random, s.prompt(), config), options))); // warm-up
            for (int batch : new int[] {1, s.batch()}) {
                List<GenerationRequest> requests = new ArrayList<>();
                for (int b = 0; b < batch; b++) {
                    requests.add(GenerationRequest.ofIds(ids(random, s.prompt(), config), options.withSeed((long) b)));
                }
                long start = System.nanoTime();
                int tokens = lm.generate(requests).stream().mapToInt(g -> g.tokenIds().length).sum();
                double secs = (System.nanoTime() - start) / 1e9;
                System.out.printf("generate batch %d: %d new tokens after %d-token prompts in %.2f s = %.1f tokens/s%n",
                        batch, tokens, s.prompt(), secs, tokens / secs);
            }
            List<long[]> prompts = new ArrayList<>();
            List<long[]> continuations = new ArrayList<>();
            for (int b = 0; b < s.batch(); b++) {
                prompts.add(ids(random, s.scorePrompt(), config));
                continuations.add(ids(random, s.scoreContinuation(), config));
            }
            lm.scoreIds(prompts.subList(0, 1), continuations.subList(0, 1), s.batch()); // warm-up
            long start = System.nanoTime();
            lm.scoreIds(prompts, continuations, s.batch());
            double secs = (System.nanoTime() - start) / 1e9;
            int scored = s.batch() * (s.scorePrompt() + s.scoreContinuation());
            System.out.printf("score batch %d x (%d + %d): %.2f s = %.1f tokens/s (prompt + continuation)%n",
                    s.batch(), s.scorePrompt(), s.scoreContinuation(), secs, scored / secs);
            train(model, config, s, random);
        }
    }

    private static void train(LlamaModel model, LlamaConfig config, Sizes s, Random random) {
        TrainingConfig training = TrainingConfig.builder().setTotalSteps(s.trainSteps() + 1).optLearningRate(1e-4)
                .optMicroBatchSize(s.batch()).build();
        List<TrainingExample> batch = new ArrayList<>();
        for (int b = 0; b < s.batch(); b++) {
            batch.add(TrainingExample.allTokens(ids(random, s.trainLength(), config)));
        }
        try (Trainer trainer = new Trainer(model, training)) {
            trainer.step(batch); // warm-up
            long start = System.nanoTime();
            int tokens = 0;
            for (int i = 0; i < s.trainSteps(); i++) {
                tokens += trainer.step(batch).tokens();
            }
            double secs = (System.nanoTime() - start) / 1e9;
            System.out.printf("train batch %d x %d tokens, %d steps: %.2f s = %.1f tokens/s%n", s.batch(),
                    s.trainLength(), s.trainSteps(), secs, tokens / secs);
        }
    }

    private static long[] ids(Random random, int n, LlamaConfig config) {
        return TestModels.randomIds(random, n, config.vocabSize());
    }
}
