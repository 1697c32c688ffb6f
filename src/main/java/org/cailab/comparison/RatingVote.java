package org.cailab.comparison;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One comparison between two snapshots as the ratings (Elo, Bradley-Terry) read it.
 *
 * @param strength       the worker's preference strength, when the campaign asked for it
 * @param strengthLevels the size of that scale
 */
public record RatingVote(
        long voteId,
        long campaignId,
        String campaignName,
        long snapshotAId,
        String snapshotAName,
        long snapshotBId,
        String snapshotBName,
        Outcome outcome,
        @Nullable Integer strength,
        @Nullable Integer strengthLevels,
        OffsetDateTime votedAt) {}
