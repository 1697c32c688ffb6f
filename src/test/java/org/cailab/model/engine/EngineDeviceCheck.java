package org.cailab.model.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Checks the engine on a device against the scalar reference and against the CPU (not a test: the suite has no GPU).
 * {@code -Dbench.device=gpu} (default) names the device. For each tiny config: logits of a forward pass against
 * {@link NaiveLlama}; then on one config greedy generation (tokens equal to the CPU's), scoring (log-probabilities
 * against the CPU's) and three AdamW steps (losses against the CPU's). Prints one line per check and exits with 1 when
 * one fails, so a script can stop before it benchmarks a device that computes wrongly.
 */
public final class EngineDeviceCheck {

    private EngineDeviceCheck() {}

    public static void main(String[] args) {
        Device device = Device.fromName(System.getProperty("bench.device", "gpu"));
        Engine engine = Engine.getEngine("PyTorch");
        System.out.printf(
                "engine %s %s, device %s, GPUs seen by DJL %d%n",
                engine.getEngineName(), engine.getVersion(), device, engine.getGpuCount());
        List<String> failures = new ArrayList<>();
        Map<String, LlamaConfig> configs = Map.of(
                "llama-gqa", TestModels.llamaGqa(),
                "qwen2-bias-tied", TestModels.qwen2Tied(),
                "llama-biases-headdim-llama3rope", TestModels.llamaBiasedScaled());
        for (Map.Entry<String, LlamaConfig> e : configs.entrySet()) {
            double max = TestModels.maxDiffFromScalarReference(e.getValue(), device);
            check(failures, "logits vs scalar reference, " + e.getKey(), max, 1e-3);
        }
        LlamaConfig config = TestModels.llamaGqa();
        Map<String, HostTensor> weights = TinyModels.randomTensors(config, 11);
        try (LlamaModel onDevice = LlamaModel.fromTensors(config, weights, device);
                LlamaModel onCpu = LlamaModel.fromTensors(config, weights, Device.cpu());
                CausalLm lmDevice = CausalLm.of(onDevice, null);
                CausalLm lmCpu = CausalLm.of(onCpu, null)) {
            Random random = new Random(5);
            GenerationOptions greedy = GenerationOptions.builder()
                    .optMaxNewTokens(24)
                    .optTemperature(0)
                    .optStopSequences(List.of())
                    .optStopAtEos(false)
                    .build();
            List<GenerationRequest> requests = new ArrayList<>();
            for (int length : new int[] {3, 9, 17, 30}) {
                requests.add(GenerationRequest.ofIds(TestModels.randomIds(random, length, config.vocabSize()), greedy));
            }
            List<Generation> a = lmDevice.generate(requests);
            List<Generation> b = lmCpu.generate(requests);
            int equal = 0;
            for (int i = 0; i < a.size(); i++) {
                equal += java.util.Arrays.equals(a.get(i).tokenIds(), b.get(i).tokenIds()) ? 1 : 0;
            }
            System.out.printf(
                    "greedy generation, 4 rows of 24 tokens (prompts 3/9/17/30): %d of 4 rows equal the CPU's%n",
                    equal);
            if (equal < a.size()) {
                failures.add("greedy generation");
            }
            List<long[]> prompts = new ArrayList<>();
            List<long[]> continuations = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                prompts.add(TestModels.randomIds(random, 5 + 3 * i, config.vocabSize()));
                continuations.add(TestModels.randomIds(random, 2 + i, config.vocabSize()));
            }
            List<ContinuationScore> sa = lmDevice.scoreIds(prompts, continuations, 4);
            List<ContinuationScore> sb = lmCpu.scoreIds(prompts, continuations, 4);
            double maxScore = 0;
            for (int i = 0; i < sa.size(); i++) {
                maxScore = Math.max(
                        maxScore, Math.abs(sa.get(i).logProb() - sb.get(i).logProb()));
            }
            check(failures, "scoring, 6 ragged pairs, |log p - CPU's|", maxScore, 1e-3);
            double maxLoss = 0;
            TrainingConfig training = TrainingConfig.builder()
                    .setTotalSteps(10)
                    .optLearningRate(1e-3)
                    .build();
            List<TrainingExample> batch = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                batch.add(TrainingExample.allTokens(TestModels.randomIds(random, 20, config.vocabSize())));
            }
            try (Trainer ta = new Trainer(onDevice, training);
                    Trainer tb = new Trainer(onCpu, training)) {
                StringBuilder losses = new StringBuilder();
                for (int step = 0; step < 3; step++) {
                    double la = ta.step(batch).loss();
                    double lb = tb.step(batch).loss();
                    losses.append(String.format(" %.5f/%.5f", la, lb));
                    maxLoss = Math.max(maxLoss, Math.abs(la - lb));
                }
                System.out.println("  training losses device/CPU:" + losses);
            }
            check(failures, "3 AdamW steps, |loss - CPU's|", maxLoss, 1e-3);
        }
        System.out.println(failures.isEmpty() ? "DEVICE CHECK PASSED" : "DEVICE CHECK FAILED: " + failures);
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    private static void check(List<String> failures, String what, double value, double limit) {
        boolean ok = value < limit;
        System.out.printf("%s: %.3g (limit %.0e) %s%n", what, value, limit, ok ? "ok" : "FAILED");
        if (!ok) {
            failures.add(what);
        }
    }
}
