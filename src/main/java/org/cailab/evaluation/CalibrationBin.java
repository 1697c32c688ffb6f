package org.cailab.evaluation;

import org.jspecify.annotations.Nullable;

/**
 * One bin of a reliability diagram: the items whose top probability lies in {@code [lower, upper)} (the last bin
 * includes 1).
 *
 * @param count          items in the bin
 * @param meanConfidence their mean top probability; null when the bin is empty
 * @param accuracy       the share of them answered correctly; null when the bin is empty
 */
public record CalibrationBin(
        double lower,
        double upper,
        int count,
        @Nullable Double meanConfidence,
        @Nullable Double accuracy) {}
