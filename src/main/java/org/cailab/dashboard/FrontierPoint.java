package org.cailab.dashboard;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot placed by both of its ratings.
 *
 * @param helpfulness  its helpfulness line (the x axis)
 * @param harmlessness its harmlessness line (the y axis)
 * @param onFrontier   whether no other snapshot is at least as good in both and better in one
 */
public record FrontierPoint(
        String snapshot,
        @Nullable Long runId,
        @Nullable Long step,
        LeaderboardEntry helpfulness,
        LeaderboardEntry harmlessness,
        boolean onFrontier) {}
