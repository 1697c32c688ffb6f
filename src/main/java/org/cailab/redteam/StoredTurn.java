package org.cailab.redteam;

import org.jspecify.annotations.Nullable;

/** One message of the worker and the model's answer (null while it is being written or when it failed). */
record StoredTurn(
        long id,
        long attemptId,
        int turnIndex,
        String humanMessage,
        String prompt,
        TurnStatus status,
        @Nullable String answer) {

    PendingReply pending() {
        return new PendingReply(id, humanMessage);
    }
}
