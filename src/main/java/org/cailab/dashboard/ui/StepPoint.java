package org.cailab.dashboard.ui;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One snapshot's value at its training step, for a line per run.
 *
 * @param lower   lower end of its interval, null when there is none (the band then narrows to the value)
 * @param tooltip the lines its tooltip shows under the name
 */
record StepPoint(
        long runId,
        long step,
        String name,
        double value,
        @Nullable Double lower,
        @Nullable Double upper,
        List<String> tooltip) {

    StepPoint {
        tooltip = List.copyOf(tooltip);
    }

    double lowerOrValue() {
        return lower == null ? value : lower;
    }

    double upperOrValue() {
        return upper == null ? value : upper;
    }
}
