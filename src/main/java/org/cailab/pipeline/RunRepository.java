package org.cailab.pipeline;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Persistence of runs, their items, outputs and logs; used only inside transactions of {@link RunService} and
 * {@link RunLedger}. All times that leases and retries compare are the database's clock, so instances with
 * skewed clocks still agree.
 */
interface RunRepository {

    /** A run with the worker generation that may work on it. */
    record StoredRun(Run run, int generation) {
    }

    /** An item a worker has claimed; {@code token} fences the claim against a later one. */
    record ClaimedItem(long id, long runId, int seq, String key, ItemInput input, int attempt, UUID token) {
    }

    /** The outcome of a failed attempt. */
    record FailedAttempt(String key, RunItemState state, int attempts) {
    }

    long insertRun(RunConfig config, String createdBy, int totalItems);

    void insertItems(long runId, List<ItemInput> items);

    Optional<StoredRun> findRun(long id);

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

    // ---- worker side ----

    /** Marks a queued run running when it still is of {@code generation}; the run if workers may go on. */
    Optional<StoredRun> beginWork(long runId, int generation);

    boolean isCurrent(long runId, int generation);

    /** Records as failed the items whose claim expired on their last allowed attempt. */
    List<FailedAttempt> failExpiredLastAttempts(long runId, int maxAttempts);

    /** Claims the next open item: pending and due, or running under an expired lease. */
    Optional<ClaimedItem> claim(long runId, String worker, Duration lease);

    /** Marks the claimed item done and stores its output, if the claim still holds; false when it was lost. */
    boolean complete(ClaimedItem item, String output, String worker);

    /** Records a failed attempt, if the claim still holds: back to pending with a delay, or failed for good. */
    Optional<FailedAttempt> fail(ClaimedItem item, String error, int maxAttempts, Duration retryDelay);

    /** Gives a claim back unfinished without counting the attempt. */
    void release(ClaimedItem item);

    /** Extends the leases of claims still held. */
    void renew(Collection<UUID> tokens, Duration lease);

    /** Marks the run finished when no item is open any more; the final summary if this call did it. */
    Optional<RunSummary> finishIfComplete(long runId);
}
