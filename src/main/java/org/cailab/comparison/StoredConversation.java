package org.cailab.comparison;

import org.jspecify.annotations.Nullable;

/** A conversation row. */
record StoredConversation(
        long id, long campaignId, long workerId, @Nullable Long goldItemId, ConversationStatus status, int votedTurns) {

    boolean gold() {
        return goldItemId != null;
    }
}
