package org.cailab.rating;

import java.util.Objects;

/**
 * One pairwise comparison (a vote): two models and how it ended.
 *
 * @param modelA  name of the model shown first
 * @param modelB  name of the other model; must differ from {@code modelA}
 * @param outcome the verdict
 */
public record Battle(String modelA, String modelB, Outcome outcome) {

    public Battle {
        Objects.requireNonNull(modelA, "modelA");
        Objects.requireNonNull(modelB, "modelB");
        Objects.requireNonNull(outcome, "outcome");
        if (modelA.equals(modelB)) {
            throw new IllegalArgumentException("a model cannot battle itself: " + modelA);
        }
    }
}
