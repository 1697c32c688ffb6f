package org.cailab.pipeline;

/**
 * Where a run stands. A run is queued until a worker takes it up, running until every item is done or failed
 * (then finished: failed items are counted, not fatal), and failed only when it cannot go on at all (no handler
 * for its type on this version of the app).
 */
public enum RunState {
    QUEUED("Queued"),
    RUNNING("Running"),
    PAUSED("Paused"),
    FAILED("Failed"),
    CANCELLED("Cancelled"),
    FINISHED("Finished");

    private final String label;

    RunState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Workers process items only in these states. */
    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }

    /** Nothing happens to a run in these states any more. */
    public boolean isTerminal() {
        return this == FAILED || this == CANCELLED || this == FINISHED;
    }
}
