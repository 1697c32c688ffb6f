package org.cailab.redteam;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;

/**
 * A harm predictor's score of one red-team attempt: the predicted success rating (0..4) of the conversation, from a
 * model trained on the workers' ratings (the paper's absolute harmfulness score of section 4.5 and Figure 10).
 *
 * @param snapshotId          the snapshot the attempt talked with; null for imported attempts
 * @param label               that snapshot's name, or the imported attempt's external model label
 * @param predictorSnapshotId the harm predictor (a snapshot of kind HARM_PREDICTOR)
 */
public record HarmPredictorScore(long attemptId, @Nullable Long snapshotId, String label, long predictorSnapshotId,
                                 double score, OffsetDateTime scoredAt) {
}
