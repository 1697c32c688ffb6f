package org.cailab.comparison;

/** Lifecycle of a turn: answers being generated, ready for the vote, voted; or failed, or left for a new conversation. */
enum TurnStatus {
    GENERATING,
    READY,
    VOTED,
    FAILED,
    ABANDONED
}
