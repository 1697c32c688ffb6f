package org.cailab.training;

import org.jspecify.annotations.Nullable;

/**
 * One point of a training run's curves.
 *
 * @param step         optimizer steps done (0: before the first step)
 * @param loss         the step's training loss, or the held-out loss after that step (a harm predictor: MSE)
 * @param accuracy     a preference model's held-out accuracy (null for SL finetuning and training points)
 * @param learningRate the rate the step used (training points only)
 * @param tokens       tokens the step trained on (training points only)
 * @param seconds      the step's wall time (training points only)
 * @param totalSteps   the run's planned steps
 * @param rankCorrelation a harm predictor's held-out Spearman correlation with the ratings (null otherwise)
 */
public record TrainingPoint(
        int step,
        double loss,
        @Nullable Double accuracy,
        @Nullable Double learningRate,
        long tokens,
        double seconds,
        int totalSteps,
        @Nullable Double rankCorrelation) {

    public TrainingPoint(
            int step,
            double loss,
            @Nullable Double accuracy,
            @Nullable Double learningRate,
            long tokens,
            double seconds,
            int totalSteps) {
        this(step, loss, accuracy, learningRate, tokens, seconds, totalSteps, null);
    }
}
