package org.cailab.model.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The training part of {@link EngineBenchmark}: the engine's plain forward + backward pass (causal-LM loss over all
 * tokens, no optimizer: the baseline), an SL finetuning step (loss on the response half, clipping, AdamW, through
 * {@link TrainingLoop}'s step function) and a preference-model step (pairs through the scalar head, Bradley-Terry
 * loss, AdamW), in tokens/s with the ratio to the baseline.
 */
final class TrainingBenchmarks {

    private TrainingBenchmarks() {}

    static void run(
            LlamaModel model,
            LlamaConfig config,
            int batch,
            int length,
            int steps,
            int reps,
            Device device,
            Random random) {
        List<TrainingExample> sl = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            sl.add(TrainingExample.promptCompletion(
                    EngineBenchmark.ids(random, length / 2, config),
                    EngineBenchmark.ids(random, length - length / 2, config)));
        }
        model.parameters().values().forEach(p -> p.setRequiresGradient(true));
        long[] flat = new long[batch * length];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(sl.get(b).tokens(), 0, flat, b * length, length);
        }
        Runnable plain = () -> {
            try (NDScope ignored = new NDScope();
                    GradMode.Restore grad = GradMode.set(true)) {
                NDArray logits = model.forwardCausal(model.manager().create(flat, new Shape(batch, length)));
                Autograd.backward(logits.logSoftmax(-1).mean().neg());
            }
        };
        plain.run(); // warm-up
        double baseline = best(
                String.format("plain forward + backward, batch %d x %d (baseline)", batch, length),
                reps,
                steps,
                batch * length,
                plain);
        TrainingConfig training = TrainingConfig.builder()
                .setTotalSteps(1000)
                .optLearningRate(1e-5)
                .optSchedule(LrSchedule.CONSTANT)
                .optMicroBatchSize(batch)
                .build();
        try (Trainer trainer = new Trainer(model, training)) {
            trainer.step(sl);
            double rate = best(
                    String.format("SL finetuning step, batch %d x %d (loss on the second half, AdamW)", batch, length),
                    reps,
                    steps,
                    batch * length,
                    () -> trainer.step(sl));
            System.out.printf("  SL finetuning / plain forward+backward = %.2f%n", rate / baseline);
        }
        model.parameters().values().forEach(p -> p.setRequiresGradient(false));
        try (PreferenceModel pm = PreferenceModel.fromTensors(
                        config, TinyModels.randomTensors(config, 1), new float[config.hiddenSize()], device);
                Trainer trainer = new Trainer(pm, training)) {
            List<PreferenceExample> pairs = new ArrayList<>();
            for (int b = 0; b < batch / 2; b++) {
                pairs.add(new PreferenceExample(
                        EngineBenchmark.ids(random, length, config),
                        EngineBenchmark.ids(random, length, config),
                        b % 2));
            }
            MicroBatchLoss<PreferenceExample> loss = PreferenceLoss.of(pm);
            trainer.step(pairs, loss);
            double rate = best(
                    String.format("PM training step, %d pairs x 2 x %d (Bradley-Terry, AdamW)", batch / 2, length),
                    reps,
                    steps,
                    batch * length,
                    () -> trainer.step(pairs, loss));
            System.out.printf("  PM training / plain forward+backward = %.2f%n", rate / baseline);
        }
    }

    private static double best(String what, int reps, int steps, int tokensPerStep, Runnable step) {
        double best = Double.MAX_VALUE;
        for (int r = 0; r < reps; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                step.run();
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        double rate = (double) tokensPerStep * steps / best;
        System.out.printf(
                "%s: %d tokens in %.2f s (best of %d) = %.1f tokens/s%n",
                what, tokensPerStep * steps, best, reps, rate);
        return rate;
    }

    /**
     * One SL finetuning step of a model at batch x length: the process's peak resident memory (VmHWM) before and after
     * (weights, gradients, AdamW moments and the activations of the step; CPU only: on a GPU this reads host memory).
     */
    static void peakMemory(LlamaConfig config, Device device, int batch, int length) throws IOException {
        System.out.printf(
                "%n== peak memory of one finetuning step, %.1fM parameters, batch %d x %d, micro-batch %d%n",
                config.parameterCount() / 1e6, batch, length, batch);
        Random random = new Random(3);
        List<TrainingExample> sl = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            sl.add(TrainingExample.promptCompletion(
                    EngineBenchmark.ids(random, length / 2, config),
                    EngineBenchmark.ids(random, length - length / 2, config)));
        }
        System.out.printf("before loading: resident %s, peak %s%n", status("VmRSS"), status("VmHWM"));
        try (LlamaModel model = LlamaModel.fromTensors(config, TinyModels.randomTensors(config, 1), device);
                Trainer trainer = new Trainer(
                        model,
                        TrainingConfig.builder()
                                .setTotalSteps(10)
                                .optMicroBatchSize(batch)
                                .build())) {
            System.out.printf("weights loaded: resident %s, peak %s%n", status("VmRSS"), status("VmHWM"));
            long start = System.nanoTime();
            trainer.step(sl);
            System.out.printf(
                    "after one step (%.1f s): resident %s, peak %s%n",
                    (System.nanoTime() - start) / 1e9, status("VmRSS"), status("VmHWM"));
        }
    }

    private static String status(String field) throws IOException {
        Path file = Path.of("/proc/self/status");
        if (!Files.exists(file)) {
            return "n/a";
        }
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1).strip();
            }
        }
        return "n/a";
    }
}
