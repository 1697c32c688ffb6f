package org.cailab.comparison;

/**
 * Which votes the ratings read. Gold checks never count (their answers come from no model).
 *
 * @param includeIdentityLeaks    also votes where an answer named its own model
 * @param includeExcludedWorkers  also votes of workers an admin excluded
 */
public record RatingFilter(boolean includeIdentityLeaks, boolean includeExcludedWorkers) {

    /** The default: flagged votes and excluded workers left out. */
    public static final RatingFilter DEFAULT = new RatingFilter(false, false);
}
