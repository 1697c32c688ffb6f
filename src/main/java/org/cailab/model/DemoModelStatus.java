package org.cailab.model;

import org.jspecify.annotations.Nullable;

/**
 * Progress of the demo models that are trained on first start.
 *
 * @param loss the last training loss (nats per token), or null before the first step
 */
public record DemoModelStatus(
        State state, int step, int totalSteps, @Nullable Double loss, String message) {

    public enum State {
        DISABLED,
        WAITING,
        RUNNING,
        DONE,
        FAILED
    }

    public double fraction() {
        return totalSteps == 0 ? 0 : Math.min(1.0, (double) step / totalSteps);
    }
}
