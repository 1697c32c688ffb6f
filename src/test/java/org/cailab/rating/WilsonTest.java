package org.cailab.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonTest {

    @Test
    void matchesTheScoreIntervalSolvedAsAQuadratic() {
        // independent form: the p with (p̂ - p)² = z² p (1 - p) / n, the roots of a quadratic in p
        for (long[] c : new long[][] {{0, 10}, {3, 10}, {10, 10}, {300, 438}, {1, 2}}) {
            double n = c[1];
            double phat = c[0] / n;
            double z2 = Wilson.Z_975 * Wilson.Z_975;
            double a = 1 + z2 / n;
            double b = -(2 * phat + z2 / n);
            double cc = phat * phat;
            double root = Math.sqrt(b * b - 4 * a * cc);
            double[] ci = Wilson.interval95(c[0], c[1]);
            assertThat(ci[0]).isCloseTo((-b - root) / (2 * a), within(1e-12));
            assertThat(ci[1]).isCloseTo((-b + root) / (2 * a), within(1e-12));
        }
    }

    @Test
    void publishedExample() {
        // 81 of 263 (Newcombe 1998, method 3): 0.2553 to 0.3662
        double[] ci = Wilson.interval95(81, 263);
        assertThat(ci[0]).isCloseTo(0.2553, within(1e-4));
        assertThat(ci[1]).isCloseTo(0.3662, within(1e-4));
    }
}
