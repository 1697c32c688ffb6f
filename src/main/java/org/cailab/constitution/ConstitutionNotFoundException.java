package org.cailab.constitution;

/** A constitution or version id that does not exist. */
public class ConstitutionNotFoundException extends ConstitutionEditException {

    public ConstitutionNotFoundException(String message) {
        super(message);
    }
}
