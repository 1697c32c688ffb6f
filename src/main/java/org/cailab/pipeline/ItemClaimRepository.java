package org.cailab.pipeline;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The workers' claims on items: claim, renew, complete with output, fail, give back. Used only inside {@link
 * RunLedger}'s transactions. All times that leases and retries compare are the database's clock, so instances with
 * skewed clocks still agree.
 */
interface ItemClaimRepository {

    /** An item a worker has claimed; {@code token} fences the claim against a later one. */
    record ClaimedItem(long id, long runId, int seq, String key, ItemInput input, int attempt, UUID token) {}

    /** The outcome of a failed attempt. */
    record FailedAttempt(String key, RunItemState state, int attempts) {}

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
}
