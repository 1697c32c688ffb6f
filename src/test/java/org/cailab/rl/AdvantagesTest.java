package org.cailab.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reward shaping and advantages against hand computations and the closed-form definitions. */
class AdvantagesTest {

    @Test
    void tokenRewardsPenalizeKlPerTokenAndAddTheScoreAtTheEnd() {
        float[] logp = {-1.0f, -0.5f, -2.0f};
        float[] ref = {-1.5f, -0.5f, -1.0f};
        double[] r = Advantages.tokenRewards(logp, ref, 0.1, 3.0);
        assertThat(r[0]).isCloseTo(-0.1 * 0.5, within(1e-7));
        assertThat(r[1]).isCloseTo(0.0, within(1e-7));
        assertThat(r[2]).isCloseTo(-0.1 * -1.0 + 3.0, within(1e-7));
        assertThat(Advantages.sequenceKl(logp, ref)).isCloseTo(0.5 + 0 - 1.0, within(1e-7));
    }

    @Test
    void gaeEqualsTheDiscountedSumOfTemporalDifferences() {
        double[] rewards = {0.3, -0.2, 0.0, 1.5};
        float[] values = {0.1f, 0.4f, -0.3f, 0.8f};
        double gamma = 0.9;
        double lambda = 0.8;
        double[] got = Advantages.gae(rewards, values, gamma, lambda);
        int n = rewards.length;
        for (int t = 0; t < n; t++) {
            // A_t = sum_l (gamma lambda)^l delta_{t+l}, delta_s = r_s + gamma V_{s+1} - V_s, V_n = 0
            double expected = 0;
            for (int l = 0; t + l < n; l++) {
                int s = t + l;
                double nextValue = s + 1 < n ? values[s + 1] : 0;
                double delta = rewards[s] + gamma * nextValue - values[s];
                expected += Math.pow(gamma * lambda, l) * delta;
            }
            assertThat(got[t]).as("A_%d", t).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void gaeWithLambdaOneAndGammaOneIsReturnToGoMinusValue() {
        double[] rewards = {1, 2, 3};
        float[] values = {0.5f, 0.25f, 2f};
        double[] got = Advantages.gae(rewards, values, 1, 1);
        assertThat(got).containsExactly(new double[] {6 - 0.5, 5 - 0.25, 3 - 2}, within(1e-9));
    }

    @Test
    void whitenedEntriesHaveMeanZeroAndUnitStandardDeviation() {
        double[][] rows = {{1, 2, 3}, {10}, {-4, 0}};
        Advantages.whiten(rows);
        double sum = 0;
        double squares = 0;
        for (double[] row : rows) {
            for (double v : row) {
                sum += v;
                squares += v * v;
            }
        }
        assertThat(sum / 6).isCloseTo(0, within(1e-9));
        assertThat(Math.sqrt(squares / 5)).isCloseTo(1, within(1e-6));
        assertThat(rows[1][0]).isGreaterThan(rows[0][2]);
    }

    @Test
    void leaveOneOutSubtractsTheMeanOfTheOtherSamplesOfTheSamePrompt() {
        double[] adv = Advantages.leaveOneOut(new double[] {1, 2, 3, 10, 10, 10}, 3);
        assertThat(adv).containsExactly(new double[] {1 - 2.5, 2 - 2, 3 - 1.5, 0, 0, 0}, within(1e-12));
        assertThatThrownBy(() -> Advantages.leaveOneOut(new double[] {1, 2, 3}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("groups of 2");
    }

    @Test
    void adaptiveKlControllerRaisesTheCoefficientAboveTheTargetAndLowersItBelow() {
        KlController c = new KlController(0.1, 6, 100);
        c.update(12, 10); // error clipped to +0.2
        assertThat(c.value()).isCloseTo(0.1 * (1 + 0.2 * 10 / 100.0), within(1e-12));
        c.update(4.5, 10); // error -0.25 clipped to -0.2
        assertThat(c.value()).isCloseTo(0.1 * 1.02 * 0.98, within(1e-12));
        c.update(6.6, 50); // error 0.1
        assertThat(c.value()).isCloseTo(0.1 * 1.02 * 0.98 * 1.05, within(1e-12));
        KlController fixed = new KlController(0.2, 0, 100);
        fixed.update(100, 10);
        assertThat(fixed.value()).isEqualTo(0.2);
    }
}
