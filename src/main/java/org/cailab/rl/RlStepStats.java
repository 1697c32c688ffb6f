package org.cailab.rl;

/**
 * What one RL step measured (the run page's live metrics).
 *
 * @param step RL steps done, this one included
 * @param promptsSeen prompts trained on so far (the step of registered snapshots)
 * @param meanScore the reward model's mean score of the batch's responses
 * @param meanKl the mean sampled-token KL of a response to the reference
 * @param klCoefficient the KL weight used for this batch
 * @param entropy the policy's mean per-token entropy over the responses
 * @param meanResponseTokens the mean response length in tokens
 * @param clipFraction the fraction of token updates limited by the clipped ratio
 * @param policyLoss the mean clipped policy loss over the update
 * @param valueLoss the mean clipped value loss over the update (0 for RLOO)
 * @param rolloutSeconds time spent sampling, scoring and recomputing log-probabilities
 * @param updateSeconds time spent in the optimizer steps
 */
public record RlStepStats(
        int step,
        long promptsSeen,
        double meanScore,
        double meanKl,
        double klCoefficient,
        double entropy,
        double meanResponseTokens,
        double clipFraction,
        double policyLoss,
        double valueLoss,
        double rolloutSeconds,
        double updateSeconds) {}
