package org.cailab.model.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link Trainer} over a fixed list of examples in {@link DataOrder}, evaluates on held-out examples and writes
 * checkpoints every {@code checkpointEvery} steps and at the end. It starts at the trainer's step, so a trainer
 * {@linkplain Trainer#resume resumed} from the latest checkpoint continues the same run: same batches, same step
 * count, and (on one device, one intra-op thread) the same final weights as a run that was never interrupted.
 *
 * @param <T> the kind of example ({@link TrainingExample} for SL finetuning, {@link PreferenceExample} for the PM,
 *     {@link RatingExample} for a harm predictor)
 */
public final class TrainingLoop<T> {

    /** Runs one optimizer step on a batch. */
    @FunctionalInterface
    public interface StepFunction<T> {
        TrainStepResult step(Trainer trainer, List<T> batch);
    }

    /** What the loop reports while it runs (called on the training thread). */
    public interface Listener {
        /** After each step; {@code seconds} is the step's wall time including nothing else. */
        default void stepped(TrainStepResult result, int totalSteps, long tokens, double seconds) {}

        /** After each held-out evaluation. */
        default void evaluated(int step, Evaluation evaluation) {}

        /** After a checkpoint was written completely. */
        default void checkpointed(int step, Path dir) {}
    }

    /**
     * A held-out evaluation.
     *
     * @param loss the mean loss (per target token for SL, per pair for a PM, squared error for a harm predictor)
     * @param accuracy the PM's held-out accuracy, NaN where it has none
     * @param rankCorrelation a harm predictor's Spearman correlation with the ratings, NaN where it has none
     */
    public record Evaluation(double loss, double accuracy, double rankCorrelation) {

        public Evaluation(double loss, double accuracy) {
            this(loss, accuracy, Double.NaN);
        }
    }

    /** Why {@link #run} returned. */
    public enum Outcome {
        FINISHED,
        STOPPED
    }

    /**
     * @param evalEvery steps between held-out evaluations (0: only at the start and the end)
     * @param checkpointEvery steps between checkpoints (0: only at the end)
     */
    public record Settings(DataOrder order, int evalEvery, int checkpointEvery) {}

    private final Settings settings;
    private final StepFunction<T> stepFunction;
    private final Function<List<T>, Evaluation> evaluator;
    private final ToIntFunction<T> tokenCount;

    public TrainingLoop(
            Settings settings,
            StepFunction<T> stepFunction,
            Function<List<T>, Evaluation> evaluator,
            ToIntFunction<T> tokenCount) {
        this.settings = settings;
        this.stepFunction = stepFunction;
        this.evaluator = evaluator;
        this.tokenCount = tokenCount;
    }

    /** SL finetuning: causal-LM loss on the completion tokens. */
    public static TrainingLoop<TrainingExample> finetuning(Settings settings, Trainer trainer) {
        return new TrainingLoop<>(
                settings,
                Trainer::step,
                heldOut -> new Evaluation(trainer.evaluate(heldOut), Double.NaN),
                e -> e.tokens().length);
    }

    /** Preference-model training: the soft-label Bradley-Terry loss; evaluation gives loss and accuracy. */
    public static TrainingLoop<PreferenceExample> preferenceModel(
            Settings settings, PreferenceModel model, int evalBatchSize) {
        MicroBatchLoss<PreferenceExample> loss = PreferenceLoss.of(model);
        return new TrainingLoop<>(
                settings,
                (trainer, batch) -> trainer.step(batch, loss),
                heldOut -> {
                    PreferenceLoss.PreferenceEvaluation e = PreferenceLoss.evaluate(model, heldOut, evalBatchSize);
                    return new Evaluation(e.loss(), e.accuracy());
                },
                PreferenceExample::tokens);
    }

    /** Harm-predictor training: the L2 loss on ratings; evaluation gives the MSE and Spearman's rank correlation. */
    public static TrainingLoop<RatingExample> harmPredictor(
            Settings settings, PreferenceModel model, int evalBatchSize) {
        MicroBatchLoss<RatingExample> loss = RegressionLoss.of(model);
        return new TrainingLoop<>(
                settings,
                (trainer, batch) -> trainer.step(batch, loss),
                heldOut -> {
                    RegressionLoss.RegressionEvaluation e = RegressionLoss.evaluate(model, heldOut, evalBatchSize);
                    return new Evaluation(e.mse(), Double.NaN, e.spearman());
                },
                RatingExample::tokens);
    }

    /**
     * Trains from the trainer's current step to the end of the data order, or until {@code stop} says so (checked
     * before each step). A checkpoint is written every {@code checkpointEvery} steps and at the end, never on stop
     * (the last periodic one is where a later run resumes). Held-out evaluation runs before the first step of a
     * fresh run, every {@code evalEvery} steps and at the end.
     */
    public Outcome run(
            Trainer trainer,
            List<T> train,
            List<T> heldOut,
            CheckpointStore checkpoints,
            @Nullable Path tokenizerDir,
            Listener listener,
            BooleanSupplier stop) {
        DataOrder order = settings.order();
        int total = order.totalSteps();
        if (trainer.config().totalSteps() != total) {
            throw new IllegalArgumentException(
                    "the trainer plans " + trainer.config().totalSteps() + " steps but the data order has " + total);
        }
        if (trainer.step() == 0 && !heldOut.isEmpty()) {
            listener.evaluated(0, evaluator.apply(heldOut));
        }
        while (trainer.step() < total) {
            if (stop.getAsBoolean()) {
                return Outcome.STOPPED;
            }
            List<T> batch = order.batch(train, trainer.step());
            long tokens = 0;
            for (T example : batch) {
                tokens += tokenCount.applyAsInt(example);
            }
            long start = System.nanoTime();
            TrainStepResult result = stepFunction.step(trainer, batch);
            listener.stepped(result, total, tokens, (System.nanoTime() - start) / 1e9);
            int step = trainer.step();
            boolean last = step == total;
            if (!heldOut.isEmpty() && (last || (settings.evalEvery() > 0 && step % settings.evalEvery() == 0))) {
                listener.evaluated(step, evaluator.apply(heldOut));
            }
            if (last || (settings.checkpointEvery() > 0 && step % settings.checkpointEvery() == 0)) {
                listener.checkpointed(step, checkpoints.save(trainer, tokenizerDir));
            }
        }
        return Outcome.FINISHED;
    }
}
