package org.cailab.comparison;

import org.jspecify.annotations.Nullable;

/**
 * The current turn: the worker's message and, once both have finished, the two answers (null while they are
 * being generated; follow them with {@link ComparisonService#watch}).
 */
public record PendingComparison(
        long turnId,
        String humanMessage,
        @Nullable String answerA,
        @Nullable String answerB) {

    public boolean ready() {
        return answerA != null && answerB != null;
    }
}
