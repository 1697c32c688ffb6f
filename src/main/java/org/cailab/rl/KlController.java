package org.cailab.rl;

/**
 * The weight of the KL penalty. Fixed, or adaptive as in Ziegler et al. (2019): after each batch the coefficient is
 * multiplied by {@code 1 + clip(KL / target - 1, -0.2, 0.2) * n / horizon}, so it rises while KL is above the target
 * and falls below it.
 */
public final class KlController {

    private final double target;
    private final int horizon;
    private double value;

    /** @param target the per-response KL to steer to; 0 keeps the coefficient fixed */
    public KlController(double initial, double target, int horizon) {
        this.value = initial;
        this.target = target;
        this.horizon = horizon;
    }

    public double value() {
        return value;
    }

    /** Restores the coefficient from a checkpoint. */
    public void restore(double coefficient) {
        this.value = coefficient;
    }

    /** Adapts to a batch of {@code responses} whose mean KL to the reference was {@code meanKl}. */
    public void update(double meanKl, int responses) {
        if (target <= 0) {
            return;
        }
        double error = Math.max(-0.2, Math.min(0.2, meanKl / target - 1));
        value *= 1 + error * responses / horizon;
    }
}
