package org.cailab.rating;

/** Wilson's score interval for a proportion: stays inside [0, 1] and is sensible for small counts and near 0 or 1. */
public final class Wilson {

    /** The 97.5% standard normal quantile: two-sided 95%. */
    public static final double Z_975 = 1.959963984540054;

    private Wilson() {}

    /** {lower, upper} of the 95% interval of {@code successes} out of {@code n} (n > 0). */
    public static double[] interval95(long successes, long n) {
        if (n <= 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("Need 0 <= successes <= n and n > 0, got " + successes + " of " + n);
        }
        double p = (double) successes / n;
        double z2 = Z_975 * Z_975;
        double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
        double half = Z_975 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
