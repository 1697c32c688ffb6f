package org.cailab.comparison;

/** Where an answer is shown to the worker: left (A) or right (B). */
public enum Side {
    A,
    B;

    public Side other() {
        return this == A ? B : A;
    }
}
