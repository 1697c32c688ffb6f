package org.cailab.security;

/** A user-management request that cannot be carried out; the message is meant for the person who asked. */
public class UserValidationException extends RuntimeException {

    public UserValidationException(String message) {
        super(message);
    }
}
