package org.cailab.crowdwork;

import java.util.List;

/**
 * Follows the answers of a live turn while they are generated. Called on a background thread, a few times a second
 * at most; implementations hand the update to their UI and return quickly.
 */
public interface LiveListener {

    /** Answer number {@code answer} (in the turn's order) so far: the whole text, not a delta. */
    void onText(int answer, String textSoFar);

    /** Every answer is complete and stored. */
    void onReady(long turnId, List<String> answers);

    /** Generation failed or the turn is no longer current; the message is meant for the worker. */
    void onFailed(long turnId, String message);
}
