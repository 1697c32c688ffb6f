package org.cailab.comparison;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** A turn row: the message, both answers and which snapshot gave each (null for gold checks). */
record StoredTurn(
        long id,
        long conversationId,
        int index,
        String humanMessage,
        String prompt,
        TurnStatus status,
        @Nullable Long snapshotAId,
        @Nullable String snapshotAName,
        @Nullable Long snapshotBId,
        @Nullable String snapshotBName,
        @Nullable String answerA,
        @Nullable String answerB,
        boolean leakA,
        boolean leakB,
        @Nullable Side goldBetterSide,
        @Nullable OffsetDateTime answersShownAt) {

    boolean gold() {
        return goldBetterSide != null;
    }

    PendingComparison pending() {
        return new PendingComparison(id, humanMessage, answerA, answerB);
    }
}
