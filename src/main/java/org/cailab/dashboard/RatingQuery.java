package org.cailab.dashboard;

import org.cailab.comparison.ComparisonTask;
import org.jspecify.annotations.Nullable;

/**
 * What a leaderboard is computed with.
 *
 * @param anchor          the snapshot fixed at rating 0, or null for ratings centred on 1000
 * @param bootstrapRounds rounds behind the 95% intervals; 0 for none
 */
public record RatingQuery(
        ComparisonTask task, RatingMethod method, @Nullable String anchor, int bootstrapRounds) {

    /** More rounds than this hardly narrow the percentiles, and the endpoint must not be a way to burn CPU. */
    public static final int MAX_BOOTSTRAP_ROUNDS = 1000;

    public static final int DEFAULT_BOOTSTRAP_ROUNDS = 100;

    public RatingQuery {
        if (bootstrapRounds < 0 || bootstrapRounds > MAX_BOOTSTRAP_ROUNDS) {
            throw new IllegalArgumentException(
                    "bootstrap must be between 0 and " + MAX_BOOTSTRAP_ROUNDS + ", not " + bootstrapRounds);
        }
        if (anchor != null && anchor.isBlank()) {
            anchor = null;
        }
    }

    /** Bradley-Terry, mean 1000, 100 bootstrap rounds. */
    public static RatingQuery defaults(ComparisonTask task) {
        return new RatingQuery(task, RatingMethod.BT, null, DEFAULT_BOOTSTRAP_ROUNDS);
    }

    /** The same settings for another task. */
    public RatingQuery forTask(ComparisonTask other) {
        return new RatingQuery(other, method, anchor, bootstrapRounds);
    }
}
