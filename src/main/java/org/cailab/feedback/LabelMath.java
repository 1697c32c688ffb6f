package org.cailab.feedback;

import java.util.List;

/**
 * The formulas of AI feedback labels, kept apart from prompts and models so they can be checked on hand-made
 * numbers.
 */
public final class LabelMath {

    private LabelMath() {}

    /**
     * The probability of option (A) when only (A) and (B) are allowed: {@code exp(lA) / (exp(lA) + exp(lB))},
     * computed as {@code 1 / (1 + exp(lB - lA))} so that very negative log-probabilities do not underflow.
     */
    public static double probabilityOfA(double logProbA, double logProbB) {
        if (logProbA == Double.NEGATIVE_INFINITY && logProbB == Double.NEGATIVE_INFINITY) {
            return 0.5;
        }
        double diff = logProbB - logProbA;
        return diff > 0 ? Math.exp(-diff) / (1 + Math.exp(-diff)) : 1 / (1 + Math.exp(diff));
    }

    /**
     * The probability that the pair's original response A is better, from a question that showed the responses in
     * the original order ({@code swapped = false}: A as (A)) or swapped (B as (A), A as (B)).
     */
    public static double firstIsBetter(double probabilityOfShownA, boolean swapped) {
        return swapped ? 1 - probabilityOfShownA : probabilityOfShownA;
    }

    /** A probability limited to {@code [low, high]} (the paper clamps chain-of-thought answers to 40-60 %). */
    public static double clamp(double probability, double low, double high) {
        return Math.max(low, Math.min(high, probability));
    }

    /** The arithmetic mean. */
    public static double mean(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to average");
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.size();
    }

    /** Whether two probabilities of the same event fall on different sides of 1/2 (exactly 1/2 disagrees with none). */
    public static boolean disagree(double first, double second) {
        return (first - 0.5) * (second - 0.5) < 0;
    }

    /** A hard label: 1 when A is more likely better, 0 when B is, 1/2 on an exact tie. */
    public static double hard(double probability) {
        return probability > 0.5 ? 1 : probability < 0.5 ? 0 : 0.5;
    }
}
