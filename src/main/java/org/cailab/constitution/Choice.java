package org.cailab.constitution;

/** One of the two options of a multiple-choice comparison. */
public enum Choice {
    A,
    B;

    /** The completion the feedback model is scored on: {@code " (A)"} or {@code " (B)"}, with the leading space. */
    public String answer() {
        return " (" + name() + ")";
    }

    /** The other option. */
    public Choice other() {
        return this == A ? B : A;
    }
}
