package org.cailab.rating;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Fixes the free offset of ratings, which only determine differences. Applied to the point
 * estimate and to every bootstrap round alike, so intervals are relative to the same reference.
 */
public sealed interface Anchor {

    /** One model fixed at 0; all ratings and intervals are relative to it. */
    record ToModel(String model) implements Anchor {
        @Override
        public double[] apply(double[] ratings, List<String> models) {
            int at = models.indexOf(model);
            if (at < 0) {
                throw new IllegalArgumentException("anchor model not found among the rated models: " + model);
            }
            return shift(ratings, -ratings[at]);
        }

        @Override
        public @Nullable String modelName() {
            return model;
        }
    }

    /** Ratings shifted so that their mean is {@code offset} (0 for mean-centred, 1000 for the arena). */
    record MeanCentred(double offset) implements Anchor {
        @Override
        public double[] apply(double[] ratings, List<String> models) {
            double mean = 0;
            for (double r : ratings) {
                mean += r / ratings.length;
            }
            return shift(ratings, offset - mean);
        }

        @Override
        public @Nullable String modelName() {
            return null;
        }
    }

    /** Fixes {@code model} at 0. */
    static Anchor toModel(String model) {
        return new ToModel(model);
    }

    /** Mean rating 1000, the arena convention for unanchored ratings. */
    static Anchor arena() {
        return new MeanCentred(1000);
    }

    /** Returns shifted copies of {@code ratings}, indexed like {@code models}. */
    double[] apply(double[] ratings, List<String> models);

    /** The anchored model, or null when mean-centred. */
    @Nullable
    String modelName();

    private static double[] shift(double[] ratings, double by) {
        double[] r = ratings.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] += by;
        }
        return r;
    }
}
