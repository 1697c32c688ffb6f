package org.cailab.redteam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MeanIntervalTest {

    @Test
    void wilsonMatchesPublishedValues() {
        // Wilson 95% for 8 successes in 10 trials: 0.4902 to 0.9433 (Newcombe 1998, table I style check)
        double[] w = MeanInterval.wilson(0.8, 10);
        assertThat(w[0]).isCloseTo(0.4902, within(1e-4));
        assertThat(w[1]).isCloseTo(0.9433, within(1e-4));
        // 0 of 10: 0 to 0.2775
        double[] zero = MeanInterval.wilson(0, 10);
        assertThat(zero[0]).isZero();
        assertThat(zero[1]).isCloseTo(0.2775, within(1e-4));
    }

    @Test
    void ratingsThatAreAllAtTheEndsGiveWilsonsIntervalOnTheScale() {
        // 8 ratings of 4 and 2 of 0: mean 3.2, a proportion 0.8 of 10 on the 0..4 scale
        double mean = 3.2;
        double sd = sampleSd(new double[] {4, 4, 4, 4, 4, 4, 4, 4, 0, 0});
        double[] interval = MeanInterval.of(10, mean, sd, 0, 4);
        assertThat(interval[0]).isCloseTo(4 * 0.4902, within(1e-3));
        assertThat(interval[1]).isCloseTo(4 * 0.9433, within(1e-3));
    }

    @Test
    void handMadeCasesStayWithinTheScale() {
        double[][] cases = {
            {0, 4, 0, 4, 0},
            {4, 4, 4, 4, 4},
            {0, 0, 0, 0, 0},
            {0, 0, 0, 0, 1},
            {4, 4, 4, 3, 4},
            {2, 2, 2, 2, 2},
            {0, 4, 4, 4, 4, 4, 4}
        };
        for (double[] ratings : cases) {
            double mean = java.util.Arrays.stream(ratings).average().orElseThrow();
            double[] interval = MeanInterval.of(ratings.length, mean, sampleSd(ratings), 0, 4);
            assertThat(interval[0]).isBetween(0.0, mean + 1e-12);
            assertThat(interval[1]).isBetween(mean - 1e-12, 4.0);
        }
    }

    @Test
    void tooFewRatingsGiveNoInterval() {
        assertThat(MeanInterval.of(1, 2, 0, 0, 4)).isNull();
        assertThat(MeanInterval.of(MeanInterval.MIN_RATINGS - 1, 2, 1, 0, 4)).isNull();
        assertThat(MeanInterval.of(MeanInterval.MIN_RATINGS, 2, 1, 0, 4)).isNotNull();
    }

    @Test
    void coversTheTrueMeanAboutNinetyFivePercentOfTheTime() {
        // ratings drawn from a skewed distribution on 0..4 with true mean 0.9; 4,000 samples of 40 ratings
        double[] probabilities = {0.45, 0.3, 0.15, 0.07, 0.03};
        double trueMean = 0.3 + 0.3 + 0.21 + 0.12;
        SplittableRandom random = new SplittableRandom(7);
        int covered = 0;
        int trials = 4000;
        for (int t = 0; t < trials; t++) {
            double[] ratings = new double[40];
            for (int i = 0; i < ratings.length; i++) {
                double u = random.nextDouble();
                int r = 0;
                for (double acc = probabilities[0]; u > acc && r < 4; acc += probabilities[++r]) {
                    // walk the cumulative distribution
                }
                ratings[i] = r;
            }
            double mean = java.util.Arrays.stream(ratings).average().orElseThrow();
            double[] interval = MeanInterval.of(ratings.length, mean, sampleSd(ratings), 0, 4);
            if (interval[0] <= trueMean && trueMean <= interval[1]) {
                covered++;
            }
        }
        assertThat((double) covered / trials).isBetween(0.92, 0.975);
    }

    private static double sampleSd(double[] values) {
        double mean = java.util.Arrays.stream(values).average().orElseThrow();
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (values.length - 1));
    }
}
