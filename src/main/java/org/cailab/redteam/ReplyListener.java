package org.cailab.redteam;

/**
 * Follows the model's answer to a red-team message while it is generated. Called on a background thread, a few times
 * a second at most; implementations hand the update to their UI and return quickly.
 */
public interface ReplyListener {

    /** The answer so far (the whole text, not a delta). */
    void onText(String textSoFar);

    /** The answer is complete and stored. */
    void onReady(long turnId, String answer);

    /** Generation failed or the attempt is no longer current; the message is meant for the worker. */
    void onFailed(long turnId, String message);
}
