package org.cailab.model.engine;

/**
 * Log-probabilities (natural log) of a continuation's tokens given the prompt and the tokens before them.
 *
 * @param logProb the sum over the continuation's tokens
 * @param tokenLogProbs one per continuation token
 * @param tokenIds the continuation's tokens
 */
public record ContinuationScore(double logProb, float[] tokenLogProbs, long[] tokenIds) {

    /** The mean log-probability per token (0 for an empty continuation). */
    public double meanLogProb() {
        return tokenIds.length == 0 ? 0 : logProb / tokenIds.length;
    }
}
