package org.cailab.pipeline;

/** Where an item of a run stands. */
public enum RunItemState {
    PENDING,
    RUNNING,
    DONE,
    FAILED
}
