package org.cailab.comparison;

/** The result of one comparison between snapshot A and snapshot B, as the ratings read it. */
public enum Outcome {
    A_WINS,
    B_WINS,
    TIE,
    BOTH_BAD;

    static Outcome of(Choice choice) {
        return switch (choice) {
            case A_BETTER -> A_WINS;
            case B_BETTER -> B_WINS;
            case TIE -> TIE;
            case BOTH_BAD -> BOTH_BAD;
        };
    }
}
