package org.cailab.model.engine;

/**
 * Optimizer and schedule settings of a {@link Trainer}.
 *
 * @param learningRate the peak learning rate
 * @param warmupSteps linear warmup steps
 * @param totalSteps the planned optimizer steps (the decay ends there)
 * @param schedule the decay after warmup
 * @param minLearningRateRatio the final rate as a fraction of the peak
 * @param weightDecay AdamW's decoupled weight decay, applied to matrices only (not norms or biases)
 * @param beta1 AdamW's first-moment decay
 * @param beta2 AdamW's second-moment decay
 * @param epsilon AdamW's denominator epsilon
 * @param maxGradNorm gradients are scaled down when their global L2 norm exceeds it (0 = no clipping)
 * @param microBatchSize examples per forward/backward pass; a step's batch is split into micro-batches whose
 *     gradients accumulate
 */
public record TrainingConfig(
        double learningRate,
        int warmupSteps,
        int totalSteps,
        LrSchedule schedule,
        double minLearningRateRatio,
        double weightDecay,
        double beta1,
        double beta2,
        double epsilon,
        double maxGradNorm,
        int microBatchSize) {

    /** The learning rate of a 0-based optimizer step. */
    public double learningRate(int step) {
        return schedule.rate(step, learningRate, warmupSteps, totalSteps, minLearningRateRatio);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a config: {@code setTotalSteps} is required; defaults lr 1e-4, cosine to 0, clip 1, betas 0.9/0.999. */
    public static final class Builder {
        private double learningRate = 1e-4;
        private int warmupSteps;
        private int totalSteps;
        private LrSchedule schedule = LrSchedule.COSINE;
        private double minLearningRateRatio;
        private double weightDecay;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double epsilon = 1e-8;
        private double maxGradNorm = 1.0;
        private int microBatchSize = 8;

        private Builder() {}

        public Builder setTotalSteps(int totalSteps) {
            this.totalSteps = totalSteps;
            return this;
        }

        public Builder optLearningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        public Builder optWarmupSteps(int warmupSteps) {
            this.warmupSteps = warmupSteps;
            return this;
        }

        public Builder optSchedule(LrSchedule schedule) {
            this.schedule = schedule;
            return this;
        }

        public Builder optMinLearningRateRatio(double ratio) {
            this.minLearningRateRatio = ratio;
            return this;
        }

        public Builder optWeightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        public Builder optBetas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        public Builder optEpsilon(double epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        public Builder optMaxGradNorm(double maxGradNorm) {
            this.maxGradNorm = maxGradNorm;
            return this;
        }

        public Builder optMicroBatchSize(int microBatchSize) {
            this.microBatchSize = microBatchSize;
            return this;
        }

        public TrainingConfig build() {
            if (totalSteps <= 0 || microBatchSize <= 0 || learningRate <= 0) {
                throw new IllegalArgumentException("total steps, micro-batch size and learning rate must be positive");
            }
            return new TrainingConfig(
                    learningRate,
                    warmupSteps,
                    totalSteps,
                    schedule,
                    minLearningRateRatio,
                    weightDecay,
                    beta1,
                    beta2,
                    epsilon,
                    maxGradNorm,
                    microBatchSize);
        }
    }
}
