package org.cailab.comparison;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * Published when a vote was recorded (after the vote's transaction commits for transactional listeners), so that
 * dashboards can refresh. Snapshot ids are null for gold checks, which the ratings ignore.
 */
public record VoteRecorded(
        long voteId,
        long campaignId,
        ComparisonTask task,
        @Nullable Long snapshotAId,
        @Nullable Long snapshotBId,
        Outcome outcome,
        boolean gold,
        boolean identityLeak,
        OffsetDateTime votedAt) {}
