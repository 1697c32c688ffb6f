package org.cailab.training;

import org.cailab.model.ModelSnapshot;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads training runs' curves and checkpoints and registers checkpoints as model snapshots (kind SL-CAI for SL
 * finetuning, preference model for PM training) with their parent snapshot, run and step.
 */
@Service
@Transactional
public class TrainingService {

    static final String READERS = "hasAnyRole('RESEARCHER', 'ADMIN')";

    private final TrainingRepository repository;
    private final RunService runs;
    private final TrainingRecorder recorder;

    TrainingService(TrainingRepository repository, RunService runs, TrainingRecorder recorder) {
        this.repository = repository;
        this.runs = runs;
        this.recorder = recorder;
    }

    /** Whether a run type is one of the training runs. */
    public static boolean isTrainingRun(String type) {
        return SlFinetuningStage.TYPE.equals(type)
                || PreferenceModelStage.TYPE.equals(type)
                || HarmPredictorStage.TYPE.equals(type);
    }

    /** The curves, checkpoints, speed and remaining time of a training run. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public TrainingProgress progress(RunId runId) {
        trainingRun(runId);
        return TrainingProgress.of(
                repository.points(runId.value(), TrainingRepository.Split.TRAIN),
                repository.points(runId.value(), TrainingRepository.Split.HELD_OUT),
                repository.checkpoints(runId.value()));
    }

    /**
     * Registers a checkpoint of a training run as a snapshot named after the run and step, or returns the snapshot it
     * was registered as before (so a run redone after a crash registers its final model once).
     */
    @PreAuthorize(READERS)
    public ModelSnapshot registerCheckpoint(RunId runId, int step) {
        return recorder.register(runId.value(), trainingRun(runId).config(), step);
    }

    private Run trainingRun(RunId runId) {
        Run run = runs.find(runId)
                .map(RunSummary::run)
                .orElseThrow(() -> new RunException("There is no run " + runId + "."));
        if (!isTrainingRun(run.type())) {
            throw new RunException("Run " + runId + " is not a training run.");
        }
        return run;
    }
}
