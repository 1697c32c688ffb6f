package org.cailab.training;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A checkpoint a training run wrote.
 *
 * @param location   its model directory (Hugging Face layout plus the optimizer and trainer state)
 * @param last       whether it is the run's final model
 * @param snapshotId the snapshot it was registered as, if it was
 * @param hhhAccuracy a preference model's accuracy on the HHH comparisons, if it was evaluated
 * @param hhhComparisons how many comparisons that accuracy is over
 */
public record TrainingCheckpoint(
        long runId,
        int step,
        String location,
        boolean last,
        @Nullable Long snapshotId,
        OffsetDateTime createdAt,
        @Nullable Double hhhAccuracy,
        @Nullable Integer hhhComparisons) {}
