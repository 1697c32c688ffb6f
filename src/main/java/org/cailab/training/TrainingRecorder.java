package org.cailab.training;

import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.NewSnapshot;
import org.cailab.model.SnapshotKind;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What training stages write while they train (curves, checkpoints) and the registration of checkpoints as snapshots.
 * Separate from {@link TrainingService} because the stages are created with the run engine, which the service uses.
 */
@Component
@Transactional
class TrainingRecorder {

    private static final int MAX_NAME = 100;

    private final TrainingRepository repository;
    private final ModelRegistry registry;

    TrainingRecorder(TrainingRepository repository, ModelRegistry registry) {
        this.repository = repository;
        this.registry = registry;
    }

    public void point(long runId, TrainingRepository.Split split, TrainingPoint point) {
        repository.savePoint(runId, split, point);
    }

    public void checkpoint(long runId, int step, String location, boolean last) {
        repository.saveCheckpoint(runId, step, location, last);
    }

    public void hhh(long runId, int step, double accuracy, int comparisons) {
        repository.saveHhh(runId, step, accuracy, comparisons);
    }

    public void forgetAfter(long runId, int step) {
        repository.deleteAfter(runId, step);
    }

    /**
     * Registers a checkpoint as a snapshot named after the run and step (kind by run type, parent = the base
     * snapshot), or returns the snapshot it was registered as before.
     */
    public ModelSnapshot register(long runId, RunConfig config, int step) {
        TrainingCheckpoint checkpoint = repository
                .checkpoint(runId, step)
                .orElseThrow(() -> new RunException("Run " + runId + " has no checkpoint at step " + step + "."));
        if (checkpoint.snapshotId() != null) {
            return registry.find(checkpoint.snapshotId()).orElseThrow();
        }
        SnapshotKind kind = switch (config.type()) {
            case PreferenceModelStage.TYPE -> SnapshotKind.PREFERENCE_MODEL;
            case HarmPredictorStage.TYPE -> SnapshotKind.HARM_PREDICTOR;
            default -> SnapshotKind.SL_CAI;
        };
        String suffix = " (run " + runId + ", step " + step + ")";
        String base = config.name().length() + suffix.length() > MAX_NAME
                ? config.name().substring(0, MAX_NAME - suffix.length())
                : config.name();
        String description = (checkpoint.last() ? "Final model" : "Checkpoint") + " of " + config.type() + " run "
                + runId + " \"" + config.name() + "\" at step " + step;
        ModelSnapshot snapshot = registry.registerProduced(new NewSnapshot(
                base + suffix,
                kind,
                checkpoint.location(),
                TrainingPlans.baseSnapshotId(config),
                runId,
                (long) step,
                description));
        repository.linkSnapshot(runId, step, snapshot.id());
        return snapshot;
    }
}
