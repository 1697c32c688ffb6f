package org.cailab.dashboard;

import java.time.OffsetDateTime;
import java.util.List;
import org.cailab.comparison.ComparisonTask;

/** Hand-made leaderboards for unit tests. */
public final class Boards {

    private Boards() {}

    public static Leaderboard board(ComparisonTask task, LeaderboardEntry... entries) {
        return new Leaderboard(
                task,
                RatingMethod.BT,
                null,
                100,
                0.95,
                42,
                true,
                List.of(entries),
                OffsetDateTime.parse("2026-11-27T10:00:00Z"));
    }

    /** A line with an interval of +-10 around {@code rating}. */
    public static LeaderboardEntry entry(String snapshot, double rating, Long runId, Long step) {
        return new LeaderboardEntry(snapshot, null, rating, rating - 10, rating + 10, 7, 1, step, runId);
    }
}
