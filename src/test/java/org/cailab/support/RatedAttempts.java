package org.cailab.support;

import java.util.UUID;

/**
 * Rated red-team attempts in the shape of hh-rlhf's file, for tests that train a harm predictor: every other attempt
 * is answered "hello." with rating 0, the others "bad." with rating 4, so the answer's word sets the rating.
 */
public final class RatedAttempts {

    private RatedAttempts() {}

    /** {@code n} attempts as JSON lines, each with its own task description. */
    public static String jsonLines(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append("{\"transcript\": \"\\n\\nHuman: question ")
                    .append(i)
                    .append("?\\n\\nAssistant: ")
                    .append(i % 2 == 0 ? "hello" : "bad")
                    .append(".\", \"rating\": ")
                    .append(i % 2 == 0 ? 0 : 4)
                    .append(", \"task_description\": \"")
                    .append(UUID.randomUUID())
                    .append("\"}\n");
        }
        return out.toString();
    }
}
