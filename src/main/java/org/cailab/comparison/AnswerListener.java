package org.cailab.comparison;

/**
 * Follows the two answers of a comparison while they are generated. Called on a background thread, a few times a
 * second at most; implementations hand the update to their UI and return quickly.
 */
public interface AnswerListener {

    /** The answer on {@code side} so far (the whole text, not a delta). */
    void onText(Side side, String textSoFar);

    /** Both answers are complete and stored; the worker may vote now. */
    void onReady(long turnId, String answerA, String answerB);

    /** Generation failed or the comparison is no longer current; the message is meant for the worker. */
    void onFailed(long turnId, String message);
}
