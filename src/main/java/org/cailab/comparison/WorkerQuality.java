package org.cailab.comparison;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How one worker votes, for admins.
 *
 * @param medianTimeToVote from both answers shown to the vote
 * @param goldAgreement    share of gold checks answered with the known better answer; null without gold checks
 * @param shareA           share of "A is better" among the A/B votes; far from 0.5 suggests position bias
 * @param identityLeaks    votes flagged because an answer named its model
 * @param excluded         the worker's votes are left out of the ratings
 * @param fastVotes        votes cast sooner than {@link WorkerQualityService#FAST_VOTE} after both answers were shown:
 *                         too soon to have read them
 */
public record WorkerQuality(
        long workerId,
        String username,
        long votes,
        @Nullable Duration medianTimeToVote,
        long goldAnswered,
        long goldCorrect,
        @Nullable Double goldAgreement,
        long sideVotes,
        @Nullable Double shareA,
        long identityLeaks,
        boolean excluded,
        long fastVotes) {

    /**
     * Whether the worker votes implausibly fast: a median below {@link WorkerQualityService#FAST_VOTE}, or more than a
     * quarter of their votes faster than that (answers they cannot have read).
     */
    public boolean implausiblyFast() {
        boolean fastMedian = medianTimeToVote != null && medianTimeToVote.compareTo(WorkerQualityService.FAST_VOTE) < 0;
        return votes > 0 && (fastMedian || fastVotes * 4 > votes);
    }
}
