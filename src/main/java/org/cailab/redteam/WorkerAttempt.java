package org.cailab.redteam;

import java.util.List;
import org.cailab.dialogue.Exchange;
import org.jspecify.annotations.Nullable;

/**
 * The worker's attempt in progress.
 *
 * @param exchanges the finished turns: the worker's messages and the model's answers
 * @param pending   the message whose answer is being written, if any
 * @param turnsLeft messages the worker may still send
 */
public record WorkerAttempt(
        long id,
        String taskDescription,
        List<Exchange> exchanges,
        @Nullable PendingReply pending,
        int turnsLeft) {

    public WorkerAttempt {
        exchanges = List.copyOf(exchanges);
    }

    /** Whether the attempt can be rated now: at least one answer, none being written. */
    public boolean canRate() {
        return pending == null && !exchanges.isEmpty();
    }
}
