package org.cailab.model;

/**
 * The model's queue is full: the request was refused at once and may be tried again in a moment. Pages show this as a
 * waiting state ("busy, try again"), not as an error.
 */
public final class ModelBusyException extends RuntimeException {

    public ModelBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
