package org.cailab.comparison;

/** A worker's verdict on one comparison. */
public enum Choice {
    A_BETTER("A is better"),
    B_BETTER("B is better"),
    TIE("Tie"),
    BOTH_BAD("Both bad");

    private final String label;

    Choice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The side the choice prefers, or null for tie and both bad. */
    @org.jspecify.annotations.Nullable
    public Side preferredSide() {
        return switch (this) {
            case A_BETTER -> Side.A;
            case B_BETTER -> Side.B;
            case TIE, BOTH_BAD -> null;
        };
    }
}
