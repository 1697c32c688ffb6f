package org.cailab.rl;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes what an RL-CAI run's steps measured and the sample responses of its snapshots (the stage's transaction
 * boundary). Separate from {@link RlService}, which reads them and needs the run service, because the run engine
 * itself depends on the stage.
 */
@Service
@Transactional
public class RlRecorder {

    private final RlRepository repository;

    RlRecorder(RlRepository repository) {
        this.repository = repository;
    }

    /** Records (or overwrites, when a segment is redone) what one step measured. */
    @PreAuthorize(RlService.READERS)
    public void recordStep(long runId, RlStepStats stats) {
        repository.upsertStep(runId, stats);
    }

    /** Replaces the sample responses kept for the snapshot at {@code step} prompts. */
    @PreAuthorize(RlService.READERS)
    public void recordSamples(long runId, long step, List<RlSample> samples) {
        repository.replaceSamples(runId, step, samples);
    }
}
