package org.cailab.rating;

import java.util.List;

/**
 * Result of a Bradley-Terry fit.
 *
 * @param models     model names, as in the {@link PairCounts} that was fitted
 * @param strengths  log-odds strengths, mean zero: P(i beats j) = 1/(1+exp(-(s_i - s_j)))
 * @param iterations Newton steps taken
 * @param converged  whether the last step was below the tolerance
 */
public record BradleyTerryFit(List<String> models, double[] strengths, int iterations, boolean converged) {

    /** Rating points per log-odds unit on the Elo scale: 400 / ln 10. */
    public static final double POINTS_PER_LOGIT = 400 / Math.log(10);

    public BradleyTerryFit {
        models = List.copyOf(models);
        strengths = strengths.clone();
        if (strengths.length != models.size()) {
            throw new IllegalArgumentException("one strength per model expected");
        }
    }

    @Override
    public double[] strengths() {
        return strengths.clone();
    }

    /** Strengths on the Elo scale ({@code 400/ln10 * s}), still mean zero; add an {@link Anchor} for an offset. */
    public double[] eloScale() {
        double[] r = new double[strengths.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = POINTS_PER_LOGIT * strengths[i];
        }
        return r;
    }
}
