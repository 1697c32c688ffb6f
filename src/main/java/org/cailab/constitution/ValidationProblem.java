package org.cailab.constitution;

/**
 * Something wrong with one field of a constitution.
 *
 * @param entry   which entry, for example {@code "slPrinciples[3] (harm-general)"} or {@code "mcExamples[0]"}
 * @param field   the field within the entry, for example {@code "critiqueRequest"} or {@code "rounds[1].critique"}
 * @param message what is wrong, phrased for the person editing it
 */
public record ValidationProblem(String entry, String field, String message) {

    @Override
    public String toString() {
        return entry + ", " + field + ": " + message;
    }
}
