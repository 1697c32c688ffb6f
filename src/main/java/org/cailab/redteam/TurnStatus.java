package org.cailab.redteam;

enum TurnStatus {
    GENERATING,
    READY,
    FAILED
}
