package org.cailab.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PPO's clipped losses on hand-made tensors against a scalar computation written out in the test (PPO paper form). */
class PpoLossesTest {

    static NDManager manager;

    // two responses of 3 and 2 tokens, laid out [2, 3] with the second row's first slot masked
    static final float[] LOGP = {-1.0f, -0.2f, -3.0f, 0f, -0.7f, -1.1f};
    static final float[] OLD = {-1.2f, -0.9f, -2.0f, 0f, -0.6f, -1.1f};
    static final float[] ADV = {1.5f, -0.8f, 0.4f, 9f, -1.2f, 2.0f};
    static final float[] MASK = {1, 1, 1, 0, 1, 1};
    static final float[] VALUES = {0.5f, 1.4f, -0.2f, 7f, 0.0f, 0.9f};
    static final float[] OLD_VALUES = {0.4f, 1.0f, 0.0f, 0f, 0.3f, 0.85f};
    static final float[] RETURNS = {1.0f, 0.2f, -0.1f, 5f, 0.8f, 0.3f};

    @BeforeAll
    static void open() {
        RlFixture.singleThread();
        manager = NDManager.newBaseManager("PyTorch");
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    static NDArray t(float[] v) {
        return manager.create(v, new Shape(2, 3));
    }

    @Test
    void policyLossIsTheMaskedMeanOfTheClippedSurrogate() {
        double eps = 0.2;
        double expected = 0;
        int clipped = 0;
        for (int i = 0; i < LOGP.length; i++) {
            if (MASK[i] == 0) {
                continue;
            }
            double ratio = Math.exp(LOGP[i] - OLD[i]);
            double boundedRatio = Math.min(1 + eps, Math.max(1 - eps, ratio));
            // PPO: maximize min(r A, clip(r) A); the loss is its negative
            double objective = Math.min(ratio * ADV[i], boundedRatio * ADV[i]);
            expected += -objective;
            if (boundedRatio * ADV[i] < ratio * ADV[i]) {
                clipped++;
            }
        }
        expected /= 5;
        NDArray loss = PpoLosses.policyLoss(t(LOGP), t(OLD), t(ADV), t(MASK), eps, 5);
        assertThat((double) loss.getFloat()).isCloseTo(expected, within(1e-5));
        assertThat(PpoLosses.clippedTokens(t(LOGP), t(OLD), t(ADV), t(MASK), eps))
                .isEqualTo(clipped);
        assertThat(clipped).as("the hand-made values exercise clipping").isBetween(1, 4);
    }

    @Test
    void valueLossIsHalfTheMaskedMeanOfTheLargerSquaredError() {
        double eps = 0.2;
        double expected = 0;
        for (int i = 0; i < VALUES.length; i++) {
            if (MASK[i] == 0) {
                continue;
            }
            double clippedValue = Math.min(OLD_VALUES[i] + eps, Math.max(OLD_VALUES[i] - eps, VALUES[i]));
            double a = Math.pow(VALUES[i] - RETURNS[i], 2);
            double b = Math.pow(clippedValue - RETURNS[i], 2);
            expected += 0.5 * Math.max(a, b);
        }
        expected /= 5;
        NDArray loss = PpoLosses.valueLoss(t(VALUES), t(OLD_VALUES), t(RETURNS), t(MASK), eps, 5);
        assertThat((double) loss.getFloat()).isCloseTo(expected, within(1e-5));
    }

    @Test
    void policyGradientVanishesForTokensOutsideTheClipRangeInTheAdvantagesDirection() {
        // ratio e^0.7 > 1.2 with A > 0: clipped, no gradient; ratio 1 with A > 0: gradient -A/n
        NDArray logp = manager.create(new float[] {0.7f, 0f}, new Shape(1, 2));
        logp.setRequiresGradient(true);
        NDArray old = manager.zeros(new Shape(1, 2));
        NDArray adv = manager.create(new float[] {2f, 3f}, new Shape(1, 2));
        NDArray mask = manager.ones(new Shape(1, 2));
        try (var collector = manager.getEngine().newGradientCollector()) {
            collector.backward(PpoLosses.policyLoss(logp, old, adv, mask, 0.2, 2));
        }
        float[] grad = logp.getGradient().toFloatArray();
        assertThat(grad[0]).isCloseTo(0f, within(1e-7f));
        assertThat(grad[1]).isCloseTo(-3f / 2, within(1e-6f));
    }
}
