package org.cailab.rating;

import org.apache.commons.math3.distribution.TDistribution;
import org.jspecify.annotations.Nullable;

/**
 * Student's t distribution, from commons-math3's {@link TDistribution}. Used for the 95% interval of a mean of
 * unbounded scores (preference-model rewards), where a few chains per round make the normal 1.96 too narrow.
 */
public final class StudentT {

    private StudentT() {}

    /** P(T <= t) for {@code df} degrees of freedom (df > 0). */
    public static double cdf(double t, double df) {
        return distribution(df).cumulativeProbability(t);
    }

    /** The t with P(T <= t) = p, for 0 < p < 1. */
    public static double quantile(double p, double df) {
        if (!(p > 0 && p < 1)) {
            // the library answers -/+ infinity at 0 and 1; an interval needs a finite bound, so refuse as before
            throw new IllegalArgumentException("A quantile needs 0 < p < 1, not " + p);
        }
        return distribution(df).inverseCumulativeProbability(p);
    }

    /**
     * The 95% interval of the mean of {@code n} values with sample standard deviation {@code sd}: mean ±
     * t(0.975, n - 1) · sd / √n; {@code null} below two values.
     */
    public static double @Nullable [] meanInterval95(long n, double mean, double sd) {
        if (n < 2) {
            return null;
        }
        double half = quantile(0.975, n - 1) * sd / Math.sqrt(n);
        return new double[] {mean - half, mean + half};
    }

    private static TDistribution distribution(double df) {
        if (!(df > 0)) {
            throw new IllegalArgumentException("Degrees of freedom must be positive, not " + df);
        }
        // no random generator: these only evaluate the distribution (the default constructor seeds a Well19937c)
        return new TDistribution(null, df);
    }
}
