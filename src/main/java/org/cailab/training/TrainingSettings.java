package org.cailab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cailab.model.engine.LrSchedule;
import org.cailab.model.engine.TrainingConfig;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunParameter;

/**
 * The optimizer and loop settings shared by training runs, read from {@link RunConfig#parameters()} and checked.
 *
 * @param learningRate     AdamW's peak learning rate
 * @param schedule         constant (default, as the paper's SL stage), linear or cosine decay after warm-up
 * @param warmupSteps      linear warm-up steps
 * @param batchSize        examples (pairs for a PM) per optimizer step
 * @param microBatchSize   examples per forward/backward pass; gradients of a step's micro-batches accumulate
 * @param epochs           passes over the training examples
 * @param maxLength        tokens per example at most (longer ones are cut at the end)
 * @param heldOutFraction  share of the examples kept out of training for the held-out loss
 * @param checkpointEvery  steps between checkpoints (the last step always gets one)
 * @param evalEvery        steps between held-out evaluations
 * @param weightDecay      AdamW's decoupled weight decay
 */
public record TrainingSettings(
        double learningRate,
        LrSchedule schedule,
        int warmupSteps,
        int batchSize,
        int microBatchSize,
        int epochs,
        int maxLength,
        double heldOutFraction,
        int checkpointEvery,
        int evalEvery,
        double weightDecay) {

    static final String LEARNING_RATE = "learningRate";
    static final String SCHEDULE = "schedule";
    static final String WARMUP = "warmupSteps";
    static final String BATCH = "batchSize";
    static final String MICRO_BATCH = "microBatchSize";
    static final String EPOCHS = "epochs";
    static final String MAX_LENGTH = "maxLength";
    static final String HELD_OUT = "heldOutFraction";
    static final String CHECKPOINT_EVERY = "checkpointEvery";
    static final String EVAL_EVERY = "evalEvery";
    static final String WEIGHT_DECAY = "weightDecay";

    public TrainingSettings {
        check(learningRate > 0 && learningRate <= 1, "Learning rate must be above 0 and at most 1.");
        check(warmupSteps >= 0, "Warm-up steps must be 0 or more.");
        check(batchSize >= 1 && batchSize <= 4096, "Batch size must be between 1 and 4096.");
        check(
                microBatchSize >= 1 && microBatchSize <= batchSize,
                "Micro-batch size must be between 1 and the batch size.");
        check(epochs >= 1 && epochs <= 100, "Epochs must be between 1 and 100.");
        check(maxLength >= 8 && maxLength <= 32_768, "Max length must be between 8 and 32768 tokens.");
        check(heldOutFraction >= 0 && heldOutFraction <= 0.5, "Held-out fraction must be between 0 and 0.5.");
        check(checkpointEvery >= 1, "Checkpoint every must be 1 step or more.");
        check(evalEvery >= 1, "Evaluate every must be 1 step or more.");
        check(weightDecay >= 0 && weightDecay < 1, "Weight decay must be at least 0 and below 1.");
    }

    /** The start form's fields with their defaults. */
    static List<RunParameter> form(double defaultLearningRate, int defaultBatch) {
        List<RunParameter> form = new ArrayList<>();
        form.add(RunParameter.decimal(
                LEARNING_RATE, "Learning rate", defaultLearningRate, 0, 1, "AdamW's peak learning rate"));
        form.add(RunParameter.choice(
                SCHEDULE,
                "Schedule",
                "constant",
                List.of("constant", "linear", "cosine"),
                "Constant, or linear or cosine decay after the warm-up"));
        form.add(RunParameter.integer(
                WARMUP, "Warm-up steps", 0, 0, 1_000_000, "Steps over which the rate rises linearly"));
        form.add(RunParameter.integer(BATCH, "Batch size", defaultBatch, 1, 4096, "Examples per optimizer step"));
        form.add(RunParameter.integer(
                MICRO_BATCH,
                "Micro-batch size",
                Math.min(8, defaultBatch),
                1,
                4096,
                "Examples per forward/backward pass (gradient accumulation over the batch)"));
        form.add(RunParameter.integer(EPOCHS, "Epochs", 1, 1, 1000, "Passes over the training examples"));
        form.add(RunParameter.integer(
                MAX_LENGTH, "Max length", 1024, 8, 131_072, "Tokens per example at most (cut at the end)"));
        form.add(RunParameter.decimal(
                HELD_OUT, "Held-out fraction", 0.05, 0, 0.5, "Share of the examples kept for the held-out loss"));
        form.add(RunParameter.integer(
                CHECKPOINT_EVERY, "Checkpoint every", 50, 1, 1_000_000, "Steps between checkpoints"));
        form.add(RunParameter.integer(
                EVAL_EVERY, "Evaluate every", 10, 1, 1_000_000, "Steps between held-out evaluations"));
        form.add(RunParameter.decimal(
                WEIGHT_DECAY, "Weight decay", 0, 0, 1, "AdamW's decoupled weight decay (matrices only)"));
        return List.copyOf(form);
    }

    static TrainingSettings of(RunConfig c, double defaultLearningRate, int defaultBatch) {
        int batch = integer(c, BATCH, defaultBatch, "Batch size");
        return new TrainingSettings(
                decimal(c, LEARNING_RATE, defaultLearningRate, "Learning rate"),
                schedule(c.parameter(SCHEDULE, "constant")),
                integer(c, WARMUP, 0, "Warm-up steps"),
                batch,
                integer(c, MICRO_BATCH, Math.min(8, batch), "Micro-batch size"),
                integer(c, EPOCHS, 1, "Epochs"),
                integer(c, MAX_LENGTH, 1024, "Max length"),
                decimal(c, HELD_OUT, 0.05, "Held-out fraction"),
                integer(c, CHECKPOINT_EVERY, 50, "Checkpoint every"),
                integer(c, EVAL_EVERY, 10, "Evaluate every"),
                decimal(c, WEIGHT_DECAY, 0, "Weight decay"));
    }

    /** Written back normalised, so the recorded configuration shows every value the run used. */
    RunConfig writeTo(RunConfig c) {
        return c.withParameter(LEARNING_RATE, String.valueOf(learningRate))
                .withParameter(SCHEDULE, schedule.name().toLowerCase(Locale.ROOT))
                .withParameter(WARMUP, String.valueOf(warmupSteps))
                .withParameter(BATCH, String.valueOf(batchSize))
                .withParameter(MICRO_BATCH, String.valueOf(microBatchSize))
                .withParameter(EPOCHS, String.valueOf(epochs))
                .withParameter(MAX_LENGTH, String.valueOf(maxLength))
                .withParameter(HELD_OUT, String.valueOf(heldOutFraction))
                .withParameter(CHECKPOINT_EVERY, String.valueOf(checkpointEvery))
                .withParameter(EVAL_EVERY, String.valueOf(evalEvery))
                .withParameter(WEIGHT_DECAY, String.valueOf(weightDecay));
    }

    /** The engine's optimizer configuration for a run of {@code totalSteps} steps. */
    TrainingConfig trainingConfig(int totalSteps) {
        return TrainingConfig.builder()
                .setTotalSteps(totalSteps)
                .optLearningRate(learningRate)
                .optSchedule(schedule)
                .optWarmupSteps(warmupSteps)
                .optWeightDecay(weightDecay)
                .optMicroBatchSize(microBatchSize)
                .build();
    }

    private static LrSchedule schedule(String value) {
        try {
            return LrSchedule.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RunException("Schedule must be constant, linear or cosine, was \"" + value + "\".");
        }
    }

    static int integer(RunConfig c, String key, int fallback, String label) {
        String value = c.parameter(key, "").strip();
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new RunException(label + " must be a whole number, was \"" + value + "\".");
        }
    }

    static double decimal(RunConfig c, String key, double fallback, String label) {
        String value = c.parameter(key, "").strip();
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(value);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RunException(label + " must be a number, was \"" + value + "\".");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new RunException(message);
        }
    }
}
