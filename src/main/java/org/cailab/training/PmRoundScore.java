package org.cailab.training;

import org.jspecify.annotations.Nullable;

/**
 * The mean preference-model score of the responses after one revision round of a scoring run.
 *
 * @param round     0 for the initial responses, n for the revisions of round n
 * @param n         chains with a response at this round
 * @param truncated of those, responses that stopped at the token limit
 * @param sd        the sample standard deviation of the scores (0 for one score)
 * @param lower     lower end of the 95% Student t interval of the mean; null below two scores
 * @param upper     upper end of that interval
 */
public record PmRoundScore(
        int round,
        int n,
        int truncated,
        double mean,
        double sd,
        @Nullable Double lower,
        @Nullable Double upper) {}
