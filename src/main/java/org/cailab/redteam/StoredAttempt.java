package org.cailab.redteam;

import java.time.OffsetDateTime;

/** A live attempt as stored (imported attempts are only read in bulk, for aggregates and export). */
record StoredAttempt(
        long id,
        long campaignId,
        long workerId,
        long snapshotId,
        String snapshotName,
        AttemptStatus status,
        String taskDescription,
        OffsetDateTime startedAt) {}
