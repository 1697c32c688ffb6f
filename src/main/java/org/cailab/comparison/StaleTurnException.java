package org.cailab.comparison;

/**
 * A vote for a comparison that is no longer the current one (already voted, answered in another tab, replaced by a
 * new conversation). Nothing was recorded.
 */
public class StaleTurnException extends ComparisonException {

    public StaleTurnException(String message) {
        super(message);
    }
}
