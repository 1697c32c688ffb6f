package org.cailab.model;

import java.util.List;

/** Log-probability of a continuation after a prompt: the sum and each token's value (natural log). */
public record ScoredContinuation(double logProb, List<Double> tokenLogProbs) {
}
