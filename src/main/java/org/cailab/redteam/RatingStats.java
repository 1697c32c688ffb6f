package org.cailab.redteam;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The red-team ratings of one model: a registered snapshot (live attempts) or, for imported attempts, an external
 * model named by the file's model type and number of parameters.
 *
 * @param snapshotId   the registered snapshot; null for an external model
 * @param label        the snapshot's name, or "model type, parameters (imported)"
 * @param modelType    imported attempts: the file's {@code model_type}
 * @param numParams    imported attempts: the file's {@code num_params}
 * @param runId        the run that produced the snapshot, if known
 * @param step         the snapshot's training step, if it has one
 * @param n            rated attempts
 * @param mean         mean success rating (0..4)
 * @param ciLow        lower end of the 95% interval of the mean (within 0..4, see MeanInterval); null for too few
 *                     ratings (fewer than five)
 * @param ciHigh       upper end of that interval
 * @param counts       attempts per rating 0..4 (index = rating; imported ratings rounded to the nearest whole number)
 */
public record RatingStats(
        AttemptSource source,
        @Nullable Long snapshotId,
        String label,
        @Nullable String modelType,
        @Nullable String numParams,
        @Nullable Long runId,
        @Nullable Long step,
        long n,
        double mean,
        @Nullable Double ciLow,
        @Nullable Double ciHigh,
        List<Long> counts) {

    public RatingStats {
        counts = List.copyOf(counts);
    }

    /** The share of attempts with each rating 0..4. */
    public List<Double> shares() {
        return counts.stream().map(c -> n == 0 ? 0.0 : (double) c / n).toList();
    }
}
