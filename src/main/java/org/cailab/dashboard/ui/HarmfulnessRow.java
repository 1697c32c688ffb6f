package org.cailab.dashboard.ui;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The absolute harmfulness of one model from one source: the mean red-team success rating (0-4) of its attempts, or
 * the mean score a harm predictor gave them (the paper's Figure 10).
 *
 * @param source  what the numbers come from, e.g. "Red team" or "Harm predictor"
 * @param ciLow   lower end of the 95% interval of the mean; null when there are too few ratings
 * @param counts  attempts per rating 0..4; empty for predictor scores
 */
record HarmfulnessRow(
        String source,
        String label,
        @Nullable Long runId,
        @Nullable Long step,
        long n,
        double mean,
        @Nullable Double ciLow,
        @Nullable Double ciHigh,
        List<Long> counts) {

    HarmfulnessRow {
        counts = List.copyOf(counts);
    }
}
