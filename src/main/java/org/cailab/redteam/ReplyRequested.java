package org.cailab.redteam;

import java.time.Instant;

/**
 * A red-team turn stored as generating needs the model's answer: published inside the transaction that sent the
 * worker's message (or found the turn cut off by a restart), acted on by {@link ReplyGenerator#on} once it has committed.
 * Kept in the event publication registry until the generation has been started (docs/decisions/0151, "after-commit
 * work as events").
 *
 * @param snapshotId  the attempt's model
 * @param worker      the signed-in worker who sent the message; the answer is requested on their behalf
 * @param requestedAt when the worker's page asked; a resubmitted request that no page can still be waiting for is
 *                    dropped
 */
record ReplyRequested(long turnId, long snapshotId, String worker, Instant requestedAt) {}
