package org.cailab.rating;

import java.util.random.RandomGenerator;

/**
 * Exact binomial and multinomial sampling, so that bootstrap rounds can resample aggregated pair
 * counts instead of individual battles.
 *
 * <p>Inversion works with any enumeration order of the support; enumerating outward from the mode
 * needs on average about one standard deviation of steps, so a pair with a million battles costs
 * a few hundred multiplications rather than a million random draws.
 */
final class Binomial {

    private static final int TABLE_SIZE = 1024;
    private static final double[] LOG_FACTORIAL = new double[TABLE_SIZE];

    static {
        for (int i = 2; i < TABLE_SIZE; i++) {
            LOG_FACTORIAL[i] = LOG_FACTORIAL[i - 1] + Math.log(i);
        }
    }

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
        if (p > 0.5) {
            return n - sample(rng, n, 1 - p);
        }
        long mode = Math.min(n, (long) Math.floor((n + 1) * p));
        double logPmf = logChoose(n, mode) + mode * Math.log(p) + (n - mode) * Math.log1p(-p);
        double pmfMode = Math.exp(logPmf);
        double odds = p / (1 - p);
        double u = rng.nextDouble() - pmfMode;
        if (u < 0) {
            return mode;
        }
        long up = mode;
        long down = mode;
        double pmfUp = pmfMode;
        double pmfDown = pmfMode;
        while (true) {
            if (up < n) {
                pmfUp *= (double) (n - up) / (up + 1) * odds;
                up++;
                u -= pmfUp;
                if (u < 0) {
                    return up;
                }
            } else {
                pmfUp = 0;
            }
            if (down > 0) {
                pmfDown *= (double) down / (n - down + 1) / odds;
                down--;
                u -= pmfDown;
                if (u < 0) {
                    return down;
                }
            } else {
                pmfDown = 0;
            }
            // Only rounding residue is left once both tails are negligible; the mode is as good as any.
            if (pmfUp < 1e-20 && pmfDown < 1e-20) {
                return mode;
            }
        }
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

    static double logChoose(long n, long k) {
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
    }

    static double logFactorial(long n) {
        if (n < TABLE_SIZE) {
            return LOG_FACTORIAL[(int) n];
        }
        double x = n;
        double inv = 1 / x;
        double inv2 = inv * inv;
        // Stirling series; at n >= 1024 the next term is below 1e-22.
        return x * Math.log(x)
                - x
                + 0.5 * Math.log(2 * Math.PI * x)
                + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 / 1260));
    }
}
