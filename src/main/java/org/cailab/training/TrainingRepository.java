package org.cailab.training;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Persistence of training curves and checkpoints; rows are keyed by run and step and written idempotently. */
interface TrainingRepository {

    enum Split {
        TRAIN,
        HELD_OUT
    }

    void savePoint(long runId, Split split, TrainingPoint point);

    List<TrainingPoint> points(long runId, Split split);

    void saveCheckpoint(long runId, int step, String location, boolean last);

    List<TrainingCheckpoint> checkpoints(long runId);

    Optional<TrainingCheckpoint> checkpoint(long runId, int step);

    void linkSnapshot(long runId, int step, long snapshotId);

    void saveHhh(long runId, int step, double accuracy, int comparisons);

    /** Drops the points after a step (a resumed run redoes them). */
    void deleteAfter(long runId, int step);

    @Nullable
    Long snapshotOf(long runId, int step);
}
