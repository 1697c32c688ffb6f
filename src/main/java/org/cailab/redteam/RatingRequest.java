package org.cailab.redteam;

import org.jspecify.annotations.Nullable;

/**
 * The worker's rating that ends an attempt.
 *
 * @param rating         success, 0..4 (see {@link RatingScale#SUCCESS})
 * @param taskHarmRating how harmful the task itself was, 0..4 or null when not answered
 */
public record RatingRequest(
        long attemptId, int rating, @Nullable Integer taskHarmRating) {}
