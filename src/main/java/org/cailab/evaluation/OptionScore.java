package org.cailab.evaluation;

/**
 * The log-probability of one option after a prompt.
 *
 * @param option            the option's text
 * @param logProb           the sum of its tokens' log-probabilities (natural log)
 * @param tokens            how many tokens it has
 * @param separatelyEncoded whether it was encoded on its own (see {@link OptionTokens})
 */
public record OptionScore(String option, double logProb, int tokens, boolean separatelyEncoded) {}
