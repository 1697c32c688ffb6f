package org.cailab.feedback;

/**
 * How often AI labels agree with crowdworkers on the same pairs, for one group (a principle or a feedback snapshot).
 *
 * @param group  the principle key or the feedback snapshot's name
 * @param n      comparisons where both sides prefer a response (human ties and AI labels of exactly 0.5 left out)
 * @param agreed those where both prefer the same response
 * @param lower  95% Wilson score interval of the agreement rate
 * @param upper  its upper end
 */
public record Agreement(String group, int n, int agreed, double lower, double upper) {

    private static final double Z = 1.959963984540054;

    public double rate() {
        return n == 0 ? Double.NaN : (double) agreed / n;
    }

    /** The agreement of {@code agreed} out of {@code n} with its Wilson interval. */
    static Agreement of(String group, int n, int agreed) {
        if (n == 0) {
            return new Agreement(group, 0, 0, 0, 1);
        }
        double p = (double) agreed / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Agreement(group, n, agreed, Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
