package org.cailab.constitution;

/** A change to the stored constitutions that was refused; the message is meant for the person who asked. */
public class ConstitutionEditException extends RuntimeException {

    public ConstitutionEditException(String message) {
        super(message);
    }
}
