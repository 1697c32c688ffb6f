package org.cailab.rating;

/** How a battle between model A and model B ended. */
public enum Outcome {
    /** Model A was preferred. */
    A_WINS,
    /** Model B was preferred. */
    B_WINS,
    /** Both answers judged equally good. */
    TIE,
    /** Both answers judged bad; for rating purposes the same as a tie. */
    BOTH_BAD;

    /** Model A's score: 1 for a win, 0 for a loss, one half for a tie or both-bad. */
    public double scoreA() {
        return switch (this) {
            case A_WINS -> 1.0;
            case B_WINS -> 0.0;
            case TIE, BOTH_BAD -> 0.5;
        };
    }

    /** Whether this outcome counts half a win to each side. */
    public boolean isDraw() {
        return this == TIE || this == BOTH_BAD;
    }
}
