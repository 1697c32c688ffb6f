package org.cailab.redteam;

/** Text from imported files for PostgreSQL (live conversation text goes through the dialogue kernel's {@code TurnText}). */
final class Texts {

    private Texts() {}

    /** Text from a file for a PostgreSQL text column, which cannot hold NUL. */
    static String storable(String text) {
        return text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }
}
