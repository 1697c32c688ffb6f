package org.cailab.model.engine;

/** The learning-rate shape after linear warmup. */
public enum LrSchedule {
    /** Stays at the peak. */
    CONSTANT,
    /** Falls linearly from the peak to the minimum at the last step. */
    LINEAR,
    /** Follows half a cosine from the peak to the minimum at the last step. */
    COSINE;

    /**
     * The learning rate of a step.
     *
     * @param step the 0-based index of the optimizer step about to run
     * @param peak the rate after warmup
     * @param warmupSteps steps rising linearly: step {@code i < warmup} gets {@code peak * (i + 1) / warmup}
     * @param totalSteps the step count over which the decay runs (after it, the minimum)
     * @param minRatio the minimum as a fraction of the peak
     */
    public double rate(int step, double peak, int warmupSteps, int totalSteps, double minRatio) {
        if (step < warmupSteps) {
            return peak * (step + 1) / warmupSteps;
        }
        if (this == CONSTANT) {
            return peak;
        }
        int decaySteps = Math.max(1, totalSteps - warmupSteps);
        double progress = Math.min(1.0, (double) (step - warmupSteps) / decaySteps);
        double shape = this == LINEAR ? 1 - progress : 0.5 * (1 + Math.cos(Math.PI * progress));
        return peak * (minRatio + (1 - minRatio) * shape);
    }
}
