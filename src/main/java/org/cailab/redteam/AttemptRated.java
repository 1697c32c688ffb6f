package org.cailab.redteam;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * Published when a worker rated a red-team attempt (after its transaction commits for transactional listeners), so
 * that dashboards can refresh the snapshot's aggregate.
 */
public record AttemptRated(
        long attemptId,
        long campaignId,
        long snapshotId,
        String snapshotName,
        int rating,
        @Nullable Integer taskHarmRating,
        OffsetDateTime ratedAt) {}
