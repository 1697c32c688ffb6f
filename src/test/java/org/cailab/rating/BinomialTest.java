package org.cailab.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinomialTest {

    @Test
    void smallCaseFollowsTheProbabilityMassFunction() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 6;
        double p = 0.35;
        int draws = 200_000;
        long[] seen = new long[n + 1];
        for (int i = 0; i < draws; i++) {
            seen[(int) Binomial.sample(rng, n, p)]++;
        }
        double chiSquare = 0;
        for (int k = 0; k <= n; k++) {
            double expected = draws * choose(n, k) * Math.pow(p, k) * Math.pow(1 - p, n - k);
            chiSquare += Math.pow(seen[k] - expected, 2) / expected;
        }
        // 6 degrees of freedom: the 99.9% point is 22.5.
        assertThat(chiSquare).isLessThan(22.5);
    }

    @Test
    void largeCasesHaveTheRightMeanAndVariance() {
        SplittableRandom rng = new SplittableRandom(2);
        for (double p : new double[] {0.02, 0.3, 0.5, 0.9}) {
            long n = 1_000_000;
            int draws = 20_000;
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < draws; i++) {
                long x = Binomial.sample(rng, n, p);
                assertThat(x).isBetween(0L, n);
                sum += x;
                squares += (double) x * x;
            }
            double mean = sum / draws;
            double variance = squares / draws - mean * mean;
            double sd = Math.sqrt(n * p * (1 - p));
            assertThat(mean).as("mean at p=" + p).isCloseTo(n * p, within(5 * sd / Math.sqrt(draws)));
            assertThat(variance / (sd * sd)).as("variance ratio at p=" + p).isCloseTo(1.0, within(0.05));
        }
    }

    @Test
    void edgeCases() {
        SplittableRandom rng = new SplittableRandom(3);
        assertThat(Binomial.sample(rng, 0, 0.5)).isZero();
        assertThat(Binomial.sample(rng, 50, 0)).isZero();
        assertThat(Binomial.sample(rng, 50, 1)).isEqualTo(50);
        long[] into = new long[3];
        Binomial.sampleTrinomial(rng, 1000, 0.2, 0.8, into);
        assertThat(into[2]).isZero();
        assertThat(into[0] + into[1]).isEqualTo(1000);
        Binomial.sampleTrinomial(rng, 1000, 1.0, 0.0, into);
        assertThat(into).containsExactly(1000, 0, 0);
    }

    @Test
    void aSeedGivesTheSameDraws() {
        SplittableRandom first = new SplittableRandom(4);
        SplittableRandom second = new SplittableRandom(4);
        for (int i = 0; i < 100; i++) {
            assertThat(Binomial.sample(first, 10_000, 0.37)).isEqualTo(Binomial.sample(second, 10_000, 0.37));
        }
    }

    @Test
    void moreTrialsThanTheLibraryCountsInAnIntAreDrawnInParts() {
        // commons-math3 takes the number of trials as an int; beyond it the draw is a sum of binomials
        SplittableRandom rng = new SplittableRandom(5);
        long n = 5_000_000_000L;
        double p = 0.25;
        int draws = 200;
        double sum = 0;
        for (int i = 0; i < draws; i++) {
            long x = Binomial.sample(rng, n, p);
            assertThat(x).isBetween(0L, n);
            sum += x;
        }
        double sd = Math.sqrt(n * p * (1 - p));
        assertThat(sum / draws).isCloseTo(n * p, within(5 * sd / Math.sqrt(draws)));
    }

    /** n choose k as a product, independent of the sampler. */
    private static double choose(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }
}
