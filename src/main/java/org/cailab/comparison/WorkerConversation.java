package org.cailab.comparison;

import java.util.List;
import org.cailab.dialogue.Exchange;
import org.jspecify.annotations.Nullable;

/**
 * The worker's conversation: the finished exchanges and the current comparison, if any.
 *
 * @param finished true when the turn limit is reached: the worker starts a new conversation
 */
public record WorkerConversation(
        long id, List<Exchange> exchanges, @Nullable PendingComparison pending, int turnLimit, boolean finished) {

    public WorkerConversation {
        exchanges = List.copyOf(exchanges);
    }

    public int turnsLeft() {
        return Math.max(0, turnLimit - exchanges.size() - (pending == null ? 0 : 1));
    }
}
