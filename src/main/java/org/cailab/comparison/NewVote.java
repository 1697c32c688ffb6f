package org.cailab.comparison;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** Everything a vote row stores, so that the vote is complete on its own. */
record NewVote(
        long turnId,
        String idempotencyKey,
        long campaignId,
        long conversationId,
        long workerId,
        ComparisonTask task,
        String conversation,
        String answerA,
        String answerB,
        @Nullable Long snapshotAId,
        @Nullable String snapshotAName,
        @Nullable Long snapshotBId,
        @Nullable String snapshotBName,
        Choice choice,
        @Nullable Integer strength,
        @Nullable Integer strengthLevels,
        Side continuedSide,
        @Nullable Long goldItemId,
        @Nullable Boolean goldCorrect,
        boolean identityLeak,
        OffsetDateTime shownAt) {}
