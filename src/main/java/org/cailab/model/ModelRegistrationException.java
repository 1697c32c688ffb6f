package org.cailab.model;

/** A snapshot cannot be registered or used; the message says what and where (file, tensor, shape). */
public class ModelRegistrationException extends RuntimeException {

    public ModelRegistrationException(String message) {
        super(message);
    }

    public ModelRegistrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
