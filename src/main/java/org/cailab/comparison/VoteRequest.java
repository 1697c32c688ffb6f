package org.cailab.comparison;

import org.jspecify.annotations.Nullable;

/**
 * A worker's vote.
 *
 * @param strength       1..strength levels when the campaign asks for strength and the choice prefers a side
 * @param idempotencyKey the same for every retry of the same vote (a double click, a re-sent request), so that
 *                       it is recorded once and the retry gets the same receipt
 */
public record VoteRequest(
        long turnId, Choice choice, @Nullable Integer strength, String idempotencyKey) {}
