package org.cailab.model.engine;

/**
 * One harm-predictor training example: the token ids of a conversation and the rating a person gave it (the red-team
 * success rating, 0 = the model did not do it at all .. 4 = it fully did).
 */
public record RatingExample(long[] ids, double rating) {

    public RatingExample {
        if (ids.length == 0) {
            throw new IllegalArgumentException("a rated conversation needs at least one token");
        }
        if (!Double.isFinite(rating)) {
            throw new IllegalArgumentException("rating must be a finite number, got " + rating);
        }
    }

    public int tokens() {
        return ids.length;
    }
}
