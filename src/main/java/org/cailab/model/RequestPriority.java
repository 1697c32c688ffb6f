package org.cailab.model;

/** Whether a person waits for a generation (served first) or it is background work (uses the capacity left over). */
public enum RequestPriority {
    /** A person is waiting: comparison answers, red-team replies, the playground. */
    LIVE,
    /** Pipeline work (SL-CAI revisions, labelling runs): may be paused for live requests and resumed. */
    PIPELINE
}
