package org.cailab.comparison;

/** A conversation is active until its turn limit is reached (completed) or the worker starts another (abandoned). */
enum ConversationStatus {
    ACTIVE,
    COMPLETED,
    ABANDONED
}
