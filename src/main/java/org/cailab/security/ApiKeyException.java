package org.cailab.security;

/** An API key could not be created or revoked; the message says why, for the user. */
public class ApiKeyException extends RuntimeException {

    public ApiKeyException(String message) {
        super(message);
    }
}
