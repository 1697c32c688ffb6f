package org.cailab.comparison;

import java.time.Instant;

/**
 * A turn stored as generating needs its answers: published inside the transaction that sent the worker's message
 * (or found the turn cut off by a restart), acted on by {@link AnswerGenerator#on} once it has committed. Kept in the
 * event publication registry until the generation has been started (docs/decisions/0151, "after-commit work as
 * events").
 *
 * @param worker      the signed-in worker who sent the message; the answers are requested on their behalf
 * @param requestedAt when the worker's page asked; a resubmitted request that no page can still be waiting for is
 *                    dropped
 */
record TurnAnswersRequested(long turnId, String worker, Instant requestedAt) {}
