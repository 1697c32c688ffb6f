package org.cailab.training;

import java.nio.file.Path;
import org.cailab.model.engine.TrainStepResult;
import org.cailab.model.engine.TrainingLoop;
import org.cailab.pipeline.RunContext;
import org.cailab.pipeline.RunLogLevel;

/** Writes a training loop's steps, evaluations and checkpoints to the run's curves, checkpoint list and log. */
final class RecordingListener implements TrainingLoop.Listener {

    private final TrainingRecorder training;
    private final RunContext context;
    private final int totalSteps;

    RecordingListener(TrainingRecorder training, RunContext context, int totalSteps) {
        this.training = training;
        this.context = context;
        this.totalSteps = totalSteps;
    }

    @Override
    public void stepped(TrainStepResult r, int total, long tokens, double seconds) {
        training.point(
                context.runId(),
                TrainingRepository.Split.TRAIN,
                new TrainingPoint(r.step(), r.loss(), null, r.learningRate(), tokens, seconds, total));
    }

    @Override
    public void evaluated(int step, TrainingLoop.Evaluation e) {
        training.point(
                context.runId(),
                TrainingRepository.Split.HELD_OUT,
                new TrainingPoint(
                        step,
                        e.loss(),
                        Double.isNaN(e.accuracy()) ? null : e.accuracy(),
                        null,
                        0,
                        0,
                        totalSteps,
                        Double.isNaN(e.rankCorrelation()) ? null : e.rankCorrelation()));
    }

    @Override
    public void checkpointed(int step, Path dir) {
        training.checkpoint(context.runId(), step, dir.toAbsolutePath().toString(), step == totalSteps);
        context.log(RunLogLevel.INFO, "Checkpoint at step " + step + " of " + totalSteps + ": " + dir.toAbsolutePath());
    }
}
