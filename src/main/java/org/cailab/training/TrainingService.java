package org.cailab.training;

import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.NewSnapshot;
import org.cailab.model.SnapshotKind;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Reads training runs' curves and checkpoints and registers checkpoints as model snapshots (kind SL-CAI for SL
 * finetuning, preference model for PM training) with their parent snapshot, run and step.
 */
@Service
@Transactional
public class TrainingService {

    static final String READERS = "hasAnyRole('RESEARCHER', 'ADMIN')";
    private static final int MAX_NAME = 100;

    private final TrainingRepository repository;
    private final RunService runs;
    private final ModelRegistry registry;

    TrainingService(TrainingRepository repository, RunService runs, ModelRegistry registry) {
        this.repository = repository;
        this.runs = runs;
        this.registry = registry;
    }

    /** Whether a run type is one of the training runs. */
    public static boolean isTrainingRun(String type) {
        return SlFinetuningStage.TYPE.equals(type) || PreferenceModelStage.TYPE.equals(type);
    }

    /** The curves, checkpoints, speed and remaining time of a training run. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public TrainingProgress progress(long runId) {
        trainingRun(runId);
        return TrainingProgress.of(repository.points(runId, TrainingRepository.Split.TRAIN),
                repository.points(runId, TrainingRepository.Split.HELD_OUT), repository.checkpoints(runId));
    }

    /**
     * Registers a checkpoint of a training run as a snapshot named after the run and step, or returns the snapshot it
     * was registered as before (so a run redone after a crash registers its final model once).
     */
    @PreAuthorize(READERS)
    public ModelSnapshot registerCheckpoint(long runId, int step) {
        Run run = trainingRun(runId);
        TrainingCheckpoint checkpoint = repository.checkpoint(runId, step)
                .orElseThrow(() -> new RunException("Run " + runId + " has no checkpoint at step " + step + "."));
        if (checkpoint.snapshotId() != null) {
            return registry.find(checkpoint.snapshotId()).orElseThrow();
        }
        SnapshotKind kind = run.type().equals(PreferenceModelStage.TYPE) ? SnapshotKind.PREFERENCE_MODEL
                : SnapshotKind.SL_CAI;
        String suffix = " (run " + runId + ", step " + step + ")";
        String base = run.name().length() + suffix.length() > MAX_NAME
                ? run.name().substring(0, MAX_NAME - suffix.length()) : run.name();
        Long parent = TrainingPlans.baseSnapshotId(run.config());
        String description = (checkpoint.last() ? "Final model" : "Checkpoint") + " of " + run.type() + " run " + runId
                + " \"" + run.name() + "\" at step " + step;
        ModelSnapshot snapshot = registry.registerProduced(new NewSnapshot(base + suffix, kind, checkpoint.location(),
                parent, runId, (long) step, description));
        repository.linkSnapshot(runId, step, snapshot.id());
        return snapshot;
    }

    private Run trainingRun(long runId) {
        Run run = runs.find(runId).map(RunSummary::run)
                .orElseThrow(() -> new RunException("There is no run " + runId + "."));
        if (!isTrainingRun(run.type())) {
            throw new RunException("Run " + runId + " is not a training run.");
        }
        return run;
    }

    /** Recording for the stages (called on the training thread, outside any transaction of a caller). */
    void recordPoint(long runId, TrainingRepository.Split split, TrainingPoint point) {
        repository.savePoint(runId, split, point);
    }

    void recordCheckpoint(long runId, int step, String location, boolean last) {
        repository.saveCheckpoint(runId, step, location, last);
    }

    void forgetAfter(long runId, int step) {
        repository.deleteAfter(runId, step);
    }

    List<TrainingCheckpoint> checkpoints(long runId) {
        return repository.checkpoints(runId);
    }
}
