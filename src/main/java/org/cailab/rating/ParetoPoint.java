package org.cailab.rating;

import java.util.Objects;

/**
 * A named point where larger is better on both axes, for example a model's helpfulness (x) and
 * harmlessness (y) ratings.
 */
public record ParetoPoint(String name, double x, double y) {

    public ParetoPoint {
        Objects.requireNonNull(name, "name");
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("coordinates of " + name + " must be finite: (" + x + ", " + y + ")");
        }
        // -0.0 and 0.0 are equal in comparisons but sort apart; one zero keeps grouping exact.
        x += 0.0;
        y += 0.0;
    }

    /** Whether this point is at least as good on both axes and strictly better on one. */
    public boolean dominates(ParetoPoint other) {
        return x >= other.x && y >= other.y && (x > other.x || y > other.y);
    }
}
