package org.cailab.rl;

/**
 * Hyperparameters of an RL run.
 *
 * @param algorithm PPO or RLOO
 * @param promptsPerStep prompts per rollout batch (one RL step)
 * @param samplesPerPrompt responses sampled per prompt (RLOO needs at least 2)
 * @param maxNewTokens the longest response
 * @param temperature sampling temperature (log-probabilities are recomputed at the same temperature)
 * @param epochs passes over each rollout batch
 * @param miniBatchSize responses per optimizer step
 * @param microBatchSize responses per forward/backward pass
 * @param learningRate AdamW rate (constant after warmup)
 * @param warmupSteps optimizer steps of linear warmup
 * @param maxGradNorm global-norm clipping (0 = off)
 * @param clipRange PPO's epsilon for the probability ratio
 * @param valueClipRange epsilon for the value prediction around the rollout's value
 * @param valueCoefficient weight of the value loss in the PPO loss
 * @param gamma discount
 * @param lambda GAE's lambda
 * @param klCoefficient the initial weight beta of the KL penalty to the reference
 * @param targetKl with an adaptive controller, the per-response KL it steers to; 0 = fixed coefficient
 * @param klHorizon the adaptive controller's horizon in responses
 * @param klWarning a mean KL per response above which the run page warns that KL is running away
 * @param whitenAdvantages normalize advantages over the batch to mean 0 and variance 1
 * @param seed seeds sampling and minibatch order (each derived from the seed and the step)
 */
public record RlSettings(
        RlAlgorithm algorithm,
        int promptsPerStep,
        int samplesPerPrompt,
        int maxNewTokens,
        double temperature,
        int epochs,
        int miniBatchSize,
        int microBatchSize,
        double learningRate,
        int warmupSteps,
        double maxGradNorm,
        double clipRange,
        double valueClipRange,
        double valueCoefficient,
        double gamma,
        double lambda,
        double klCoefficient,
        double targetKl,
        int klHorizon,
        double klWarning,
        boolean whitenAdvantages,
        long seed) {

    public RlSettings {
        require(promptsPerStep >= 1, "prompts per step must be at least 1");
        require(samplesPerPrompt >= 1, "samples per prompt must be at least 1");
        require(algorithm != RlAlgorithm.RLOO || samplesPerPrompt >= 2, "RLOO needs at least 2 samples per prompt");
        require(maxNewTokens >= 1, "max new tokens must be at least 1");
        require(temperature > 0, "temperature must be positive (RL samples, it does not decode greedily)");
        require(epochs >= 1, "epochs must be at least 1");
        require(miniBatchSize >= 1 && microBatchSize >= 1, "mini- and micro-batch sizes must be at least 1");
        require(learningRate > 0, "learning rate must be positive");
        require(clipRange > 0 && valueClipRange > 0, "clip ranges must be positive");
        require(gamma >= 0 && gamma <= 1 && lambda >= 0 && lambda <= 1, "gamma and lambda must be in [0, 1]");
        require(klCoefficient >= 0 && targetKl >= 0, "KL coefficient and target must not be negative");
        require(klHorizon >= 1, "KL horizon must be at least 1");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Responses per rollout batch. */
    public int batchSize() {
        return promptsPerStep * samplesPerPrompt;
    }

    /** TRL-like defaults for PPO at small scale. */
    public static RlSettings ppoDefaults() {
        return new RlSettings(
                RlAlgorithm.PPO,
                8,
                1,
                48,
                1.0,
                2,
                8,
                4,
                1e-5,
                0,
                1.0,
                0.2,
                0.2,
                0.1,
                1.0,
                0.95,
                0.05,
                0,
                10_000,
                20,
                true,
                42);
    }

    /** A copy with another algorithm and samples per prompt. */
    public RlSettings withAlgorithm(RlAlgorithm newAlgorithm, int newSamplesPerPrompt) {
        return new RlSettings(
                newAlgorithm,
                promptsPerStep,
                newSamplesPerPrompt,
                maxNewTokens,
                temperature,
                epochs,
                miniBatchSize,
                microBatchSize,
                learningRate,
                warmupSteps,
                maxGradNorm,
                clipRange,
                valueClipRange,
                valueCoefficient,
                gamma,
                lambda,
                klCoefficient,
                targetKl,
                klHorizon,
                klWarning,
                whitenAdvantages,
                seed);
    }
}
