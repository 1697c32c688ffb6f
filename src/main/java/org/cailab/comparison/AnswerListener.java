package org.cailab.comparison;

import java.util.Map;

/**
 * Follows the two answers of a comparison while they are generated. Called on a background thread, a few times a
 * second at most; implementations hand the update to their UI and return quickly.
 */
public interface AnswerListener {

    /** The answer on {@code side} so far (the whole text, not a delta). */
    void onText(Side side, String textSoFar);

    /**
     * The sides whose answer changed since the last delivery, each the whole text so far; called instead of
     * {@link #onText} once per delivery. By default each goes to {@link #onText}; a page overrides it to update both
     * panes in one push.
     */
    default void onTexts(Map<Side, String> changed) {
        changed.forEach(this::onText);
    }

    /** Both answers are complete and stored; the worker may vote now. */
    void onReady(long turnId, String answerA, String answerB);

    /** Generation failed or the comparison is no longer current; the message is meant for the worker. */
    void onFailed(long turnId, String message);
}
