package org.cailab.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StudentTTest {

    @Test
    void quantilesMatchPublishedTables() {
        // two-sided 95% critical values from standard t tables
        assertThat(StudentT.quantile(0.975, 1)).isCloseTo(12.7062, within(1e-3));
        assertThat(StudentT.quantile(0.975, 2)).isCloseTo(4.3027, within(1e-3));
        assertThat(StudentT.quantile(0.975, 5)).isCloseTo(2.5706, within(1e-3));
        assertThat(StudentT.quantile(0.975, 30)).isCloseTo(2.0423, within(1e-3));
        assertThat(StudentT.quantile(0.975, 1000)).isCloseTo(1.9623, within(1e-3));
        assertThat(StudentT.quantile(0.025, 5)).isCloseTo(-2.5706, within(1e-3));
    }

    @Test
    void theMedianIsExactlyZeroAndTheEndsAreRefused() {
        // the hand-written bisection stopped at 4.5e-13; commons-math3 answers the median exactly
        assertThat(StudentT.quantile(0.5, 3)).isZero();
        assertThat(StudentT.quantile(0.5, 1000)).isZero();
        // the library would answer -/+ infinity; an interval needs finite bounds
        assertThatThrownBy(() -> StudentT.quantile(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StudentT.quantile(1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StudentT.cdf(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cdfForOneDegreeOfFreedomIsTheCauchyDistribution() {
        for (double t : new double[] {-3, -0.5, 0, 0.7, 4}) {
            assertThat(StudentT.cdf(t, 1)).isCloseTo(0.5 + Math.atan(t) / Math.PI, within(1e-10));
        }
    }

    @Test
    void cdfForTwoDegreesOfFreedomHasItsClosedForm() {
        for (double t : new double[] {-2, -0.1, 0.3, 5}) {
            assertThat(StudentT.cdf(t, 2)).isCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), within(1e-10));
        }
    }

    @Test
    void meanIntervalCoversTheTrueMeanAboutNinetyFivePercentOfTheTime() {
        SplittableRandom random = new SplittableRandom(7);
        int covered = 0;
        int trials = 4000;
        for (int trial = 0; trial < trials; trial++) {
            int n = 4;
            double[] x = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                x[i] = 3 + 2 * random.nextGaussian();
                sum += x[i];
            }
            double mean = sum / n;
            double ss = 0;
            for (double v : x) {
                ss += (v - mean) * (v - mean);
            }
            double[] ci = StudentT.meanInterval95(n, mean, Math.sqrt(ss / (n - 1)));
            covered += ci[0] <= 3 && 3 <= ci[1] ? 1 : 0;
        }
        assertThat(covered / (double) trials).isBetween(0.935, 0.965);
        assertThat(StudentT.meanInterval95(1, 2, 0)).isNull();
    }
}
