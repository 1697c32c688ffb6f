package org.cailab.rating;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rating table with the settings that produced it.
 *
 * @param method            "bt" or "elo"
 * @param ratings           one line per model, best rating first (ties by name)
 * @param battles           battles used
 * @param bootstrapRounds   bootstrap rounds behind the intervals (0: intervals equal the estimate)
 * @param level             confidence level of the intervals
 * @param anchor            the model fixed at 0, or null when mean-centred
 * @param iterations        solver iterations of the point estimate (Elo: 1, a single pass)
 * @param converged         whether the point estimate converged (Elo: always)
 * @param unconvergedRounds bootstrap rounds whose fit hit the iteration limit
 */
public record RatingReport(
        String method,
        List<ModelRating> ratings,
        long battles,
        int bootstrapRounds,
        double level,
        @Nullable String anchor,
        int iterations,
        boolean converged,
        int unconvergedRounds) {

    public RatingReport {
        ratings = List.copyOf(ratings);
    }

    /** Builds the sorted, ranked table from parallel arrays indexed like {@code models}. */
    static List<ModelRating> table(List<String> models, double[] rating, double[] lower, double[] upper, long[] votes) {
        int[] rank = Ranks.withOverlap(lower, upper);
        List<ModelRating> rows = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            rows.add(new ModelRating(models.get(i), rating[i], lower[i], upper[i], votes[i], rank[i]));
        }
        rows.sort(Comparator.comparingDouble(ModelRating::rating).reversed().thenComparing(ModelRating::model));
        return rows;
    }

    /** The line for one model. */
    public ModelRating rating(String model) {
        return ratings.stream()
                .filter(r -> r.model().equals(model))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rating for " + model));
    }
}
