package org.cailab.model;

import java.util.List;

/**
 * Log-probability of a continuation after a prompt: the sum and each token's value (natural log).
 *
 * @param straddlesBoundary true when a token spans the end of the prompt and the start of the continuation (a remote
 *                          server tokenizes prompt and continuation as one text): that token is counted in the sum, so
 *                          the value is then the log-probability of a slightly longer continuation
 */
public record ScoredContinuation(double logProb, List<Double> tokenLogProbs, boolean straddlesBoundary) {

    public ScoredContinuation {
        tokenLogProbs = List.copyOf(tokenLogProbs);
    }

    /** A score whose tokens start exactly at the continuation (always so for the local engine). */
    public ScoredContinuation(double logProb, List<Double> tokenLogProbs) {
        this(logProb, tokenLogProbs, false);
    }
}
