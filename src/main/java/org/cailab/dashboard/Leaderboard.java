package org.cailab.dashboard;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.cailab.comparison.ComparisonTask;
import org.jspecify.annotations.Nullable;

/**
 * The ratings of one task, best first.
 *
 * @param anchor          the snapshot fixed at 0, or null when ratings are centred on 1000
 * @param battles         rated votes behind the table
 * @param level           confidence level of the intervals (0.95)
 * @param converged       false when the Bradley-Terry fit hit its iteration limit
 * @param computedAt      when the table was computed
 */
public record Leaderboard(
        ComparisonTask task,
        RatingMethod method,
        @Nullable String anchor,
        int bootstrapRounds,
        double level,
        long battles,
        boolean converged,
        List<LeaderboardEntry> entries,
        OffsetDateTime computedAt) {

    public Leaderboard {
        entries = List.copyOf(entries);
    }

    /** A table without votes. */
    static Leaderboard empty(RatingQuery query, OffsetDateTime now) {
        return new Leaderboard(
                query.task(), query.method(), query.anchor(), query.bootstrapRounds(), 0.95, 0, true, List.of(), now);
    }

    /** The line of a snapshot, if it was rated. */
    public Optional<LeaderboardEntry> entry(String snapshot) {
        return entries.stream().filter(e -> e.snapshot().equals(snapshot)).findFirst();
    }
}
