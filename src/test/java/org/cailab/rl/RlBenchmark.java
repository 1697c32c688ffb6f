package org.cailab.rl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cailab.model.engine.BpeTokenizerTrainer;
import org.cailab.model.engine.BpeVocabulary;
import org.cailab.model.engine.CausalLm;
import org.cailab.model.engine.GenerationOptions;
import org.cailab.model.engine.GenerationRequest;
import org.cailab.model.engine.LlamaConfig;
import org.cailab.model.engine.TinyModels;

/**
 * Time of one PPO step (rollout: sampling, reward, log-probabilities under policy and reference; update: epochs over
 * minibatches) and prompts per second, on random weights, for a tiny config and a ~110M one. The baseline in the same
 * run is plain batched generation of the same prompts: the ratio says what RL costs on top of sampling. Not a test.
 * Arguments: {@code tiny}, {@code 100m} or both (default); {@code -Dbench.device=gpu} for a GPU.
 */
public final class RlBenchmark {

    private RlBenchmark() {}

    public static void main(String[] args) throws IOException {
        List<String> which = args.length == 0 ? List.of("tiny", "100m") : List.of(args);
        Device device = Device.fromName(System.getProperty("bench.device", "cpu"));
        Engine.getEngine("PyTorch");
        System.out.printf(
                "cores %d, torch intra-op threads %d, device %s, load average %s%n",
                Runtime.getRuntime().availableProcessors(), JniUtils.getNumThreads(), device, loadAverage());
        if (which.contains("tiny")) {
            run("tiny (d=128, 4 layers, 4 heads / 2 KV heads, ffn 344)", 1024, 128, 344, 4, 4, 2, device, 3);
        }
        if (which.contains("100m")) {
            run("~110M (d=768, 12 layers, 12 heads, ffn 2048)", 32000, 768, 2048, 12, 12, 12, device, 1);
        }
    }

    private static void run(
            String name,
            int vocabSize,
            int hidden,
            int ffn,
            int layers,
            int heads,
            int kvHeads,
            Device device,
            int steps)
            throws IOException {
        Path dir = Files.createTempDirectory("rl-bench");
        BpeVocabulary vocab = BpeTokenizerTrainer.builder()
                .setVocabSize(Math.min(vocabSize, 2048))
                .optMinFrequency(1)
                .build()
                .train(RlFixture.corpus(400));
        vocab.write(dir);
        LlamaConfig config = LlamaConfig.builder()
                .setVocabSize(vocab.size())
                .setHiddenSize(hidden)
                .setIntermediateSize(ffn)
                .setNumLayers(layers)
                .setNumHeads(heads)
                .optNumKvHeads(kvHeads)
                .optBosTokenId(0L)
                .optEosTokenIds(List.of(0L))
                .build();
        TinyModels.create(dir, config, 1);
        System.out.printf(
                "%n== %s: %.1fM parameters (vocabulary %d)%n", name, config.parameterCount() / 1e6, vocab.size());
        RlSettings settings = new RlSettings(
                RlAlgorithm.PPO,
                new RlSettings.Rollout(8, 1, 32, 1.0),
                new RlSettings.Optimizer(2, 4, 4, 1e-5, 0, 1.0),
                RlSettings.Objective.defaults(),
                new RlSettings.KlPenalty(0.05, 0, 10_000, 20),
                1);
        List<String> prompts = RlFixture.prompts(settings.rollout().promptsPerStep(), 3);
        try (CausalLm judge = CausalLm.load(dir, device);
                RlTrainer trainer = RlTrainer.start(dir, dir, new RlFixture.JudgeReward(judge), settings, device)) {
            // baseline: the same batch generated with the same options (no stop, so every row runs to the end)
            GenerationOptions options = GenerationOptions.builder()
                    .optMaxNewTokens(settings.rollout().maxNewTokens())
                    .optStopSequences(List.of())
                    .optStopAtEos(false)
                    .build();
            List<GenerationRequest> requests = new ArrayList<>();
            for (int i = 0; i < prompts.size(); i++) {
                requests.add(GenerationRequest.of(prompts.get(i), options.withSeed((long) i)));
            }
            judge.generate(requests); // warm-up
            long g0 = System.nanoTime();
            int generated = judge.generate(requests).stream()
                    .mapToInt(g -> g.tokenIds().length)
                    .sum();
            double generation = (System.nanoTime() - g0) / 1e9;
            System.out.printf(
                    "baseline: generate %d prompts x %d tokens: %.2f s (%d tokens)%n",
                    prompts.size(), settings.rollout().maxNewTokens(), generation, generated);
            trainer.step(prompts); // warm-up
            double best = Double.MAX_VALUE;
            RlStepStats bestStats = null;
            for (int s = 0; s < steps; s++) {
                RlStepStats stats = trainer.step(prompts);
                double total = stats.rolloutSeconds() + stats.updateSeconds();
                if (total < best) {
                    best = total;
                    bestStats = stats;
                }
            }
            System.out.printf(
                    "PPO step (%d prompts, up to %d new tokens, mean %.1f, %d epochs x minibatch %d): "
                            + "rollout %.2f s + update %.2f s = %.2f s (best of %d) = %.2f prompts/s;"
                            + " ratio to generation alone %.1fx%n",
                    settings.rollout().promptsPerStep(),
                    settings.rollout().maxNewTokens(),
                    bestStats.meanResponseTokens(),
                    settings.optimizer().epochs(),
                    settings.optimizer().miniBatchSize(),
                    bestStats.rolloutSeconds(),
                    bestStats.updateSeconds(),
                    best,
                    steps,
                    settings.rollout().promptsPerStep() / best,
                    best / generation);
        } finally {
            RlTrainer.deleteRecursively(dir);
        }
    }

    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.exists(loadavg) ? Files.readString(loadavg).strip() : "n/a";
    }
}
