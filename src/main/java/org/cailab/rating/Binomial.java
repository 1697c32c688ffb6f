package org.cailab.rating;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Exact binomial and multinomial sampling, so that bootstrap rounds can resample aggregated pair counts instead of
 * individual battles. The draws are commons-math3's {@link BinomialDistribution} (inversion of its CDF), fed by the
 * caller's seeded generator through {@link MathRandom}, so a seed still gives the same replicates.
 */
final class Binomial {

    private Binomial() {}

    /** A draw from Binomial(n, p). */
    static long sample(RandomGenerator rng, long n, double p) {
        if (n < 0 || !(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("bad binomial parameters n=" + n + " p=" + p);
        }
        if (n == 0 || p == 0) {
            return 0;
        }
        if (p == 1) {
            return n;
        }
        MathRandom source = new MathRandom(rng);
        // the library counts trials in an int; a sum of independent binomials with the same p is binomial
        long drawn = 0;
        for (long left = n; left > 0; left -= Integer.MAX_VALUE) {
            int trials = (int) Math.min(left, Integer.MAX_VALUE);
            drawn += new BinomialDistribution(source, trials, p).sample();
        }
        return drawn;
    }

    /**
     * A draw from Multinomial(n; p1, p2, p3) with p3 = 1 - p1 - p2, written into {@code into[0..2]}.
     */
    static void sampleTrinomial(RandomGenerator rng, long n, double p1, double p2, long[] into) {
        long x1 = sample(rng, n, clamp(p1));
        double rest = 1 - p1;
        long x2 = rest <= 0 ? 0 : sample(rng, n - x1, clamp(p2 / rest));
        into[0] = x1;
        into[1] = x2;
        into[2] = n - x1 - x2;
    }

    private static double clamp(double p) {
        return Math.max(0, Math.min(1, p));
    }
}
