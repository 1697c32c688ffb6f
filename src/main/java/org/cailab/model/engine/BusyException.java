package org.cailab.model.engine;

/** A request was refused at once because the model's queue is full; trying again later may succeed. */
public final class BusyException extends RuntimeException {

    public BusyException(String message) {
        super(message);
    }
}
