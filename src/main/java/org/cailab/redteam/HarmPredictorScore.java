package org.cailab.redteam;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * The mean harm a harm predictor gave one snapshot's answers to a harm evaluation's red-team prompts (the paper's
 * absolute harmfulness score of section 4.5 and Figure 10), from the newest harm-eval run of that predictor that
 * scored the snapshot.
 *
 * @param predictorSnapshotId the harm predictor (a snapshot of kind HARM_PREDICTOR)
 * @param evalRunId           the harm-eval run the numbers come from
 * @param snapshotId          the evaluated snapshot
 * @param label               its name now in the registry
 * @param runId               the run that produced the snapshot, if any (the line against training step)
 * @param step                its training step, if any
 * @param prompts             prompts scored
 * @param samples             answers scored
 * @param mean                mean predicted harm (mean over prompts of each prompt's mean)
 * @param ciLow               2.5th percentile of a bootstrap over prompts (null with fewer than 2 prompts)
 * @param ciHigh              97.5th percentile
 * @param scoredAt            when the evaluation run was started
 */
public record HarmPredictorScore(
        long predictorSnapshotId,
        String predictorName,
        long evalRunId,
        long snapshotId,
        String label,
        @Nullable Long runId,
        @Nullable Long step,
        int prompts,
        int samples,
        double mean,
        @Nullable Double ciLow,
        @Nullable Double ciHigh,
        OffsetDateTime scoredAt) {}
