package org.cailab.pipeline;

/** What a {@link RunStage} knows about the run while it processes an item. */
public interface RunContext {

    long runId();

    /** The configuration recorded with the run. */
    RunConfig config();

    /** 1 for the first attempt at this item, 2 for the first retry... */
    int attempt();

    /** Who works on the item (scheduler instance and worker slot), for logs. */
    String worker();

    /** Adds a line to the run's log (visible on the run page). */
    void log(RunLogLevel level, String message);

    /**
     * True once the run was paused or cancelled or the app is shutting down. A stage with long items may check it
     * and throw to give up early; the item is then redone later (paused, shutdown) or not at all (cancelled).
     */
    boolean stopRequested();
}
