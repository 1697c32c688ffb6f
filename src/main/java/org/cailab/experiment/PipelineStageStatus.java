package org.cailab.experiment;

import java.util.List;
import org.cailab.pipeline.RunSummary;
import org.jspecify.annotations.Nullable;

/**
 * Where one stage of a pipeline stands, for the pipeline page.
 *
 * @param key         the stage key
 * @param label       its name
 * @param status      what to show: "Waiting", the child run's state, "Succeeded" or "Failed"
 * @param attempts    how many child runs (or campaign creations) the stage has had
 * @param child       the latest attempt's child run with its progress, if it has one
 * @param message     why the latest attempt failed
 * @param snapshotIds the snapshots the stage registered (SL-CAI, preference model, RL-CAI)
 * @param campaignIds the campaigns the stage created
 */
public record PipelineStageStatus(
        String key,
        String label,
        String status,
        int attempts,
        @Nullable RunSummary child,
        @Nullable String message,
        List<Long> snapshotIds,
        List<Long> campaignIds) {

    public PipelineStageStatus {
        snapshotIds = List.copyOf(snapshotIds);
        campaignIds = List.copyOf(campaignIds);
    }

    /** Finished share of the stage, 0 to 1. */
    public double fraction() {
        if ("Succeeded".equals(status)) {
            return 1.0;
        }
        return child == null ? 0.0 : child.progress().fraction();
    }
}
