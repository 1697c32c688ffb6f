package org.cailab.pipeline;

/** A run request that cannot be carried out; the message is meant for the researcher who asked. */
public class RunException extends RuntimeException {

    public RunException(String message) {
        super(message);
    }
}
