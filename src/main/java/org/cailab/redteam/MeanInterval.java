package org.cailab.redteam;

import org.jspecify.annotations.Nullable;

/**
 * The 95% interval of a mean rating on a bounded scale (0..4), which never leaves the scale: a Wilson score interval
 * on the mean rescaled to 0..1, with the sample size replaced by the effective size that matches the ratings' own
 * spread, {@code n_eff = n · p(1 - p) / s²} (s² the population variance of the rescaled ratings). For ratings that
 * are all 0 or 4 this is exactly Wilson's interval for a proportion; in general it is the interval of all means p for
 * which |p̂ - p| is within 1.96 standard errors when the variance scales like p(1 - p), as a bounded variable's must
 * near the ends of its scale. A Student t interval, which the first version used, reads -0.48 to 4.48 for two ratings
 * of 0 and 4. Below {@link #MIN_RATINGS} ratings no interval is given: the page says "too few ratings".
 */
final class MeanInterval {

    /** Fewer ratings than this give no interval. */
    static final int MIN_RATINGS = 5;

    static final double Z_975 = 1.959963984540054;

    private MeanInterval() {}

    /** {low, high} of the 95% interval of the mean of {@code n} ratings in [lo, hi], or null for too few ratings. */
    static double @Nullable [] of(long n, double mean, double sampleSd, double lo, double hi) {
        if (n < MIN_RATINGS) {
            return null;
        }
        double range = hi - lo;
        double p = Math.clamp((mean - lo) / range, 0, 1);
        double variance = sampleSd / range * (sampleSd / range) * (n - 1) / n;
        double binary = p * (1 - p);
        double effectiveN = variance > 0 && binary > 0 ? n * binary / variance : n;
        double[] unit = wilson(p, effectiveN);
        return new double[] {lo + unit[0] * range, lo + unit[1] * range};
    }

    /** Wilson's score interval for a proportion {@code p} observed in {@code n} trials (n may be fractional). */
    static double[] wilson(double p, double n) {
        double z2 = Z_975 * Z_975;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z_975 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
