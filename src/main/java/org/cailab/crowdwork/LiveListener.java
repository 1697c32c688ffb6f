package org.cailab.crowdwork;

import java.util.List;
import java.util.SortedMap;

/**
 * Follows the answers of a live turn while they are generated. Called on a background thread, a few times a second
 * at most; implementations hand the update to their UI and return quickly.
 */
public interface LiveListener {

    /** Answer number {@code answer} (in the turn's order) so far: the whole text, not a delta. */
    void onText(int answer, String textSoFar);

    /**
     * The answers that changed since the last delivery, by number, each the whole text so far; called instead of
     * {@link #onText} once per delivery. By default each goes to {@link #onText}; a page overrides it to send them to
     * the browser as one update rather than one per answer.
     */
    default void onTexts(SortedMap<Integer, String> changed) {
        changed.forEach(this::onText);
    }

    /** Every answer is complete and stored. */
    void onReady(long turnId, List<String> answers);

    /** Generation failed or the turn is no longer current; the message is meant for the worker. */
    void onFailed(long turnId, String message);
}
