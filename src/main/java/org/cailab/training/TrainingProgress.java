package org.cailab.training;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a training run's page shows: its curves, checkpoints and speed.
 *
 * @param train           the training loss per step
 * @param heldOut         the held-out loss (and a PM's accuracy) per evaluation
 * @param tokensPerSecond over the last steps recorded, or null before the first
 * @param remaining       the estimated time to the last step, or null when unknown or done
 */
public record TrainingProgress(
        List<TrainingPoint> train,
        List<TrainingPoint> heldOut,
        List<TrainingCheckpoint> checkpoints,
        @Nullable Double tokensPerSecond,
        @Nullable Duration remaining) {

    /** How many recent steps the speed is measured over. */
    static final int SPEED_WINDOW = 20;

    public TrainingProgress {
        train = List.copyOf(train);
        heldOut = List.copyOf(heldOut);
        checkpoints = List.copyOf(checkpoints);
    }

    static TrainingProgress of(
            List<TrainingPoint> train, List<TrainingPoint> heldOut, List<TrainingCheckpoint> checkpoints) {
        if (train.isEmpty()) {
            return new TrainingProgress(train, heldOut, checkpoints, null, null);
        }
        List<TrainingPoint> recent = train.subList(Math.max(0, train.size() - SPEED_WINDOW), train.size());
        double seconds = recent.stream().mapToDouble(TrainingPoint::seconds).sum();
        long tokens = recent.stream().mapToLong(TrainingPoint::tokens).sum();
        TrainingPoint last = train.getLast();
        int left = last.totalSteps() - last.step();
        Double speed = seconds > 0 ? tokens / seconds : null;
        Duration remaining =
                left > 0 && seconds > 0 ? Duration.ofMillis((long) (seconds / recent.size() * left * 1000)) : null;
        return new TrainingProgress(train, heldOut, checkpoints, speed, remaining);
    }

    /** The latest step recorded, 0 before the first. */
    public int step() {
        return train.isEmpty() ? 0 : train.getLast().step();
    }

    /** The planned steps, 0 before the first step is recorded. */
    public int totalSteps() {
        return train.isEmpty() ? 0 : train.getLast().totalSteps();
    }
}
