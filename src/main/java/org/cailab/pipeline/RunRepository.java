package org.cailab.pipeline;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Persistence of runs, their items and logs; used only inside transactions of {@link RunService} and {@link
 * RunLedger}. The workers' claims on single items are in {@link ItemClaimRepository}.
 */
interface RunRepository {

    /** A run with the worker generation that may work on it. */
    record StoredRun(Run run, int generation) {}

    long insertRun(RunConfig config, String createdBy, int totalItems);

    /** Stores a run that happened outside the engine (no items) as finished, with its start and end. */
    long insertFinishedRun(RunConfig config, String createdBy, java.time.Instant startedAt, java.time.Instant endedAt);

    void insertItems(long runId, List<ItemInput> items);

    Optional<StoredRun> findRun(long id);

    /** Whether a run of this name exists (case-insensitive). */
    boolean nameExists(String name);

    List<RunSummary> findSummaries(@Nullable Long id, int limit);

    /** Runs that workers should be working on (queued or running). */
    List<StoredRun> findActive();

    /**
     * Moves a run from one of {@code from} to {@code to}; a resume ({@code newGeneration}) also starts a new worker
     * generation. Returns the run's generation afterwards, or empty when the run was not in one of {@code from}.
     */
    Optional<Integer> changeState(long id, Set<RunState> from, RunState to, boolean newGeneration);

    void failRun(long id, String error);

    void log(long runId, RunLogLevel level, String message);

    List<RunLogEntry> findLog(long runId, int limit);

    List<RunItem> findItems(long runId, @Nullable RunItemState state, int offset, int limit);

    int countItems(long runId, @Nullable RunItemState state);

    /** Done items in processing order whose output contains {@code containing} (jsonb {@code @>}), or all. */
    List<RunItem> findOutputs(long runId, @Nullable JsonNode containing, int offset, int limit);

    int countOutputs(long runId, @Nullable JsonNode containing);

    // ---- worker side ----

    /** Marks a queued run running when it still is of {@code generation}; the run if workers may go on. */
    Optional<StoredRun> beginWork(long runId, int generation);

    boolean isCurrent(long runId, int generation);

    /** Marks the run finished when no item is open any more; the final summary if this call did it. */
    Optional<RunSummary> finishIfComplete(long runId);
}
