package org.cailab.comparison;

/** A comparison request that cannot be carried out; the message is meant for the person who asked. */
public class ComparisonException extends RuntimeException {

    public ComparisonException(String message) {
        super(message);
    }
}
