package org.cailab.dashboard;

import org.jspecify.annotations.Nullable;

/**
 * One snapshot's line on a leaderboard.
 *
 * @param snapshot   the snapshot's name, as the votes recorded it
 * @param snapshotId the registered snapshot of that name, when it still exists
 * @param rating     point estimate on the Elo scale
 * @param lower      lower end of the 95% bootstrap interval
 * @param upper      upper end of the 95% bootstrap interval
 * @param votes      rated votes the snapshot took part in
 * @param rank       1 + the number of snapshots whose interval lies entirely above this one's
 * @param step       training step of the snapshot within its run, when known
 * @param runId      the run that produced the snapshot, when known
 */
public record LeaderboardEntry(
        String snapshot,
        @Nullable Long snapshotId,
        double rating,
        double lower,
        double upper,
        long votes,
        int rank,
        @Nullable Long step,
        @Nullable Long runId) {}
