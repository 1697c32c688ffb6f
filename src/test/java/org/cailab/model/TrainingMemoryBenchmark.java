package org.cailab.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cailab.model.engine.LlamaModel;
import org.cailab.model.engine.NativeMemory;
import org.cailab.model.engine.TinyModels;
import org.cailab.model.engine.Trainer;
import org.cailab.model.engine.TrainingConfig;
import org.cailab.model.engine.TrainingExample;

/**
 * What a training leaves resident, and what {@link NativeMemory#trim} gives back: trains the demo model's shape
 * (random token sequences of the demo's context length, the demo's batch) with trimming turned off, then prints the
 * resident size at its peak, after the trainer is closed (the baseline: what glibc keeps), and after one
 * {@code malloc_trim}. Arguments: steps (default 40), sequence length (default 384).
 */
public final class TrainingMemoryBenchmark {

    private TrainingMemoryBenchmark() {}

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int length = args.length > 1 ? Integer.parseInt(args[1]) : DemoModelTrainer.CONTEXT;
        System.setProperty(NativeMemory.ENABLED_PROPERTY, "false");
        Path dir = Files.createTempDirectory("training-memory");
        TinyModels.create(dir, DemoModelTrainer.config(DemoModelTrainer.VOCAB_SIZE), 1);
        Random random = new Random(1);
        long start = residentKiB("VmRSS");
        try (LlamaModel model = LlamaModel.load(dir);
                Trainer trainer = new Trainer(
                        model,
                        TrainingConfig.builder()
                                .setTotalSteps(steps)
                                .optMicroBatchSize(4)
                                .build())) {
            for (int s = 0; s < steps; s++) {
                List<TrainingExample> batch = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    long[] tokens = new long[length / 2 + random.nextInt(length / 2)];
                    for (int t = 0; t < tokens.length; t++) {
                        tokens[t] = random.nextInt(DemoModelTrainer.VOCAB_SIZE);
                    }
                    batch.add(TrainingExample.allTokens(tokens));
                }
                trainer.step(batch);
            }
        }
        System.gc();
        long peak = residentKiB("VmHWM");
        long closed = residentKiB("VmRSS");
        boolean trimmed = NativeMemory.trimNow();
        long after = residentKiB("VmRSS");
        System.out.printf(
                "demo-shaped training, %d steps of 16 x up to %d tokens: resident MiB at start %d, peak %d,"
                        + " after the trainer closed %d (baseline: no trim), after malloc_trim %d (trimmed: %s);"
                        + " kept over the start %d -> %d MiB (ratio %.2f)%n",
                steps,
                length,
                start / 1024,
                peak / 1024,
                closed / 1024,
                after / 1024,
                trimmed,
                (closed - start) / 1024,
                (after - start) / 1024,
                (double) (after - start) / Math.max(1, closed - start));
    }

    private static long residentKiB(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/self/status");
    }
}
