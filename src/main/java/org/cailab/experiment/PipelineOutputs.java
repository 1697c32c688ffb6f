package org.cailab.experiment;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the stages of one pipeline produced so far, for the stages after them and for {@link PipelineExtension}s.
 *
 * @param baseSnapshotId the base (pretrained or helpful) model the pipeline started from
 * @param slCaiSnapshotId the SL-CAI model of the SL finetuning stage, once it succeeded
 * @param preferenceModelId the preference model, once it succeeded
 * @param rlCaiSnapshotIds the RL-CAI snapshots of the RL stage in step order, once it succeeded
 * @param childRuns the child run of each succeeded stage, by stage key
 * @param snapshots the snapshots each succeeded stage registered, by stage key (optional stages included)
 */
public record PipelineOutputs(
        long baseSnapshotId,
        @Nullable Long slCaiSnapshotId,
        @Nullable Long preferenceModelId,
        List<Long> rlCaiSnapshotIds,
        java.util.Map<String, Long> childRuns,
        java.util.Map<String, List<Long>> snapshots) {

    public PipelineOutputs {
        rlCaiSnapshotIds = List.copyOf(rlCaiSnapshotIds);
        childRuns = java.util.Map.copyOf(childRuns);
        snapshots = java.util.Map.copyOf(snapshots);
    }

    /** The snapshots a succeeded stage registered, in step order; empty when it has not succeeded. */
    public List<Long> snapshotsOf(String stageKey) {
        return List.copyOf(snapshots.getOrDefault(stageKey, List.of()));
    }
}
