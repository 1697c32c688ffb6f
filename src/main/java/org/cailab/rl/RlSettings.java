package org.cailab.rl;

/**
 * Hyperparameters of an RL run, in the parts a researcher thinks in: what a rollout samples, how the optimizer steps,
 * the PPO objective, and the KL penalty to the reference model.
 *
 * @param algorithm PPO or RLOO
 * @param rollout what one RL step samples
 * @param optimizer how each rollout batch is trained on
 * @param objective PPO's clipped losses and advantage estimation (RLOO uses only {@code whitenAdvantages})
 * @param kl the KL penalty to the reference model
 * @param seed seeds sampling and minibatch order (each derived from the seed and the step)
 */
public record RlSettings(
        RlAlgorithm algorithm, Rollout rollout, Optimizer optimizer, Objective objective, KlPenalty kl, long seed) {

    public RlSettings {
        require(
                algorithm != RlAlgorithm.RLOO || rollout.samplesPerPrompt() >= 2,
                "RLOO needs at least 2 samples per prompt");
    }

    /**
     * What one RL step samples.
     *
     * @param promptsPerStep prompts per rollout batch (one RL step)
     * @param samplesPerPrompt responses sampled per prompt (RLOO needs at least 2)
     * @param maxNewTokens the longest response
     * @param temperature sampling temperature (log-probabilities are recomputed at the same temperature)
     */
    public record Rollout(int promptsPerStep, int samplesPerPrompt, int maxNewTokens, double temperature) {
        public Rollout {
            require(promptsPerStep >= 1, "prompts per step must be at least 1");
            require(samplesPerPrompt >= 1, "samples per prompt must be at least 1");
            require(maxNewTokens >= 1, "max new tokens must be at least 1");
            require(temperature > 0, "temperature must be positive (RL samples, it does not decode greedily)");
        }

        /** Responses per rollout batch. */
        public int batchSize() {
            return promptsPerStep * samplesPerPrompt;
        }
    }

    /**
     * How each rollout batch is trained on.
     *
     * @param epochs passes over each rollout batch
     * @param miniBatchSize responses per optimizer step
     * @param microBatchSize responses per forward/backward pass
     * @param learningRate AdamW rate (constant after warmup)
     * @param warmupSteps optimizer steps of linear warmup
     * @param maxGradNorm global-norm clipping (0 = off)
     */
    public record Optimizer(
            int epochs,
            int miniBatchSize,
            int microBatchSize,
            double learningRate,
            int warmupSteps,
            double maxGradNorm) {
        public Optimizer {
            require(epochs >= 1, "epochs must be at least 1");
            require(miniBatchSize >= 1 && microBatchSize >= 1, "mini- and micro-batch sizes must be at least 1");
            require(learningRate > 0, "learning rate must be positive");
        }
    }

    /**
     * PPO's clipped objective and advantage estimation.
     *
     * @param clipRange PPO's epsilon for the probability ratio
     * @param valueClipRange epsilon for the value prediction around the rollout's value
     * @param valueCoefficient weight of the value loss in the PPO loss
     * @param gamma discount
     * @param lambda GAE's lambda
     * @param whitenAdvantages normalize advantages over the batch to mean 0 and variance 1
     */
    public record Objective(
            double clipRange,
            double valueClipRange,
            double valueCoefficient,
            double gamma,
            double lambda,
            boolean whitenAdvantages) {
        public Objective {
            require(clipRange > 0 && valueClipRange > 0, "clip ranges must be positive");
            require(gamma >= 0 && gamma <= 1 && lambda >= 0 && lambda <= 1, "gamma and lambda must be in [0, 1]");
        }

        /** TRL-like defaults: clip 0.2 for ratio and value, value weight 0.1, no discount, GAE lambda 0.95, whitened. */
        public static Objective defaults() {
            return new Objective(0.2, 0.2, 0.1, 1.0, 0.95, true);
        }
    }

    /**
     * The KL penalty to the reference model.
     *
     * @param coefficient the initial weight beta of the penalty
     * @param target with an adaptive controller, the per-response KL it steers to; 0 = fixed coefficient
     * @param horizon the adaptive controller's horizon in responses
     * @param warning a mean KL per response above which the run page warns that KL is running away
     */
    public record KlPenalty(double coefficient, double target, int horizon, double warning) {
        public KlPenalty {
            require(coefficient >= 0 && target >= 0, "KL coefficient and target must not be negative");
            require(horizon >= 1, "KL horizon must be at least 1");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Responses per rollout batch. */
    public int batchSize() {
        return rollout.batchSize();
    }

    /** TRL-like defaults for PPO at small scale. */
    public static RlSettings ppoDefaults() {
        return new RlSettings(
                RlAlgorithm.PPO,
                new Rollout(8, 1, 48, 1.0),
                new Optimizer(2, 8, 4, 1e-5, 0, 1.0),
                Objective.defaults(),
                new KlPenalty(0.05, 0, 10_000, 20),
                42);
    }

    /** A copy with another algorithm and samples per prompt. */
    public RlSettings withAlgorithm(RlAlgorithm newAlgorithm, int newSamplesPerPrompt) {
        return new RlSettings(
                newAlgorithm,
                new Rollout(
                        rollout.promptsPerStep(), newSamplesPerPrompt, rollout.maxNewTokens(), rollout.temperature()),
                optimizer,
                objective,
                kl,
                seed);
    }
}
