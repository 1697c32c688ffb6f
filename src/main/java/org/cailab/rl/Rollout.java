package org.cailab.rl;

/**
 * One sampled response with everything the update needs, all per response token.
 *
 * @param prompt the prompt text
 * @param promptIds its tokens
 * @param response the response text (cut before a stop sequence)
 * @param responseIds the sampled tokens, an end-of-sequence token included when the model chose it
 * @param logProbs the tokens' log-probabilities under the policy at sampling time
 * @param refLogProbs the same under the frozen reference
 * @param values the value head's estimates before each token (PPO; zeros for RLOO)
 * @param entropy the policy's mean entropy over the response positions
 * @param score the reward model's score
 */
public record Rollout(
        String prompt,
        long[] promptIds,
        String response,
        long[] responseIds,
        float[] logProbs,
        float[] refLogProbs,
        float[] values,
        double entropy,
        double score) {

    /** The sampled-token KL estimate of this response to the reference. */
    public double kl() {
        return Advantages.sequenceKl(logProbs, refLogProbs);
    }
}
