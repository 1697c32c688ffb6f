package org.cailab.training;

import static org.cailab.db.jooq.Tables.TRAINING_CHECKPOINT;
import static org.cailab.db.jooq.Tables.TRAINING_METRIC;

import java.util.List;
import java.util.Optional;
import org.cailab.db.jooq.tables.records.TrainingCheckpointRecord;
import org.cailab.db.jooq.tables.records.TrainingMetricRecord;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class JooqTrainingRepository implements TrainingRepository {

    private final DSLContext dsl;

    JooqTrainingRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void savePoint(long runId, Split split, TrainingPoint p) {
        dsl.insertInto(TRAINING_METRIC)
                .set(TRAINING_METRIC.RUN_ID, runId)
                .set(TRAINING_METRIC.SPLIT, split.name())
                .set(TRAINING_METRIC.STEP, p.step())
                .set(TRAINING_METRIC.LOSS, p.loss())
                .set(TRAINING_METRIC.ACCURACY, p.accuracy())
                .set(TRAINING_METRIC.LEARNING_RATE, p.learningRate())
                .set(TRAINING_METRIC.TOKENS, p.tokens())
                .set(TRAINING_METRIC.SECONDS, p.seconds())
                .set(TRAINING_METRIC.TOTAL_STEPS, p.totalSteps())
                .set(TRAINING_METRIC.RANK_CORRELATION, p.rankCorrelation())
                .onConflict(TRAINING_METRIC.RUN_ID, TRAINING_METRIC.SPLIT, TRAINING_METRIC.STEP)
                .doUpdate()
                .set(TRAINING_METRIC.LOSS, p.loss())
                .set(TRAINING_METRIC.ACCURACY, p.accuracy())
                .set(TRAINING_METRIC.LEARNING_RATE, p.learningRate())
                .set(TRAINING_METRIC.TOKENS, p.tokens())
                .set(TRAINING_METRIC.SECONDS, p.seconds())
                .set(TRAINING_METRIC.TOTAL_STEPS, p.totalSteps())
                .set(TRAINING_METRIC.RANK_CORRELATION, p.rankCorrelation())
                .execute();
    }

    @Override
    public List<TrainingPoint> points(long runId, Split split) {
        return dsl.selectFrom(TRAINING_METRIC)
                .where(TRAINING_METRIC.RUN_ID.eq(runId).and(TRAINING_METRIC.SPLIT.eq(split.name())))
                .orderBy(TRAINING_METRIC.STEP)
                .fetch(JooqTrainingRepository::point);
    }

    @Override
    public void saveCheckpoint(long runId, int step, String location, boolean last) {
        dsl.insertInto(TRAINING_CHECKPOINT)
                .set(TRAINING_CHECKPOINT.RUN_ID, runId)
                .set(TRAINING_CHECKPOINT.STEP, step)
                .set(TRAINING_CHECKPOINT.LOCATION, location)
                .set(TRAINING_CHECKPOINT.FINAL, last)
                .onConflict(TRAINING_CHECKPOINT.RUN_ID, TRAINING_CHECKPOINT.STEP)
                .doUpdate()
                .set(TRAINING_CHECKPOINT.LOCATION, location)
                .set(TRAINING_CHECKPOINT.FINAL, last)
                .execute();
    }

    @Override
    public List<TrainingCheckpoint> checkpoints(long runId) {
        return dsl.selectFrom(TRAINING_CHECKPOINT)
                .where(TRAINING_CHECKPOINT.RUN_ID.eq(runId))
                .orderBy(TRAINING_CHECKPOINT.STEP)
                .fetch(JooqTrainingRepository::checkpoint);
    }

    @Override
    public Optional<TrainingCheckpoint> checkpoint(long runId, int step) {
        return dsl.selectFrom(TRAINING_CHECKPOINT)
                .where(TRAINING_CHECKPOINT.RUN_ID.eq(runId).and(TRAINING_CHECKPOINT.STEP.eq(step)))
                .fetchOptional(JooqTrainingRepository::checkpoint);
    }

    @Override
    public void linkSnapshot(long runId, int step, long snapshotId) {
        dsl.update(TRAINING_CHECKPOINT)
                .set(TRAINING_CHECKPOINT.SNAPSHOT_ID, snapshotId)
                .where(TRAINING_CHECKPOINT.RUN_ID.eq(runId).and(TRAINING_CHECKPOINT.STEP.eq(step)))
                .execute();
    }

    @Override
    public void saveHhh(long runId, int step, double accuracy, int comparisons) {
        dsl.update(TRAINING_CHECKPOINT)
                .set(TRAINING_CHECKPOINT.HHH_ACCURACY, accuracy)
                .set(TRAINING_CHECKPOINT.HHH_COMPARISONS, comparisons)
                .where(TRAINING_CHECKPOINT.RUN_ID.eq(runId).and(TRAINING_CHECKPOINT.STEP.eq(step)))
                .execute();
    }

    @Override
    public void deleteAfter(long runId, int step) {
        dsl.deleteFrom(TRAINING_METRIC)
                .where(TRAINING_METRIC.RUN_ID.eq(runId).and(TRAINING_METRIC.STEP.gt(step)))
                .execute();
    }

    @Override
    public @Nullable Long snapshotOf(long runId, int step) {
        return checkpoint(runId, step).map(TrainingCheckpoint::snapshotId).orElse(null);
    }

    private static TrainingPoint point(TrainingMetricRecord r) {
        return new TrainingPoint(
                r.getStep(),
                r.getLoss(),
                r.getAccuracy(),
                r.getLearningRate(),
                r.getTokens(),
                r.getSeconds(),
                r.getTotalSteps(),
                r.getRankCorrelation());
    }

    private static TrainingCheckpoint checkpoint(TrainingCheckpointRecord r) {
        return new TrainingCheckpoint(
                r.getRunId(),
                r.getStep(),
                r.getLocation(),
                r.getFinal(),
                r.getSnapshotId(),
                r.getCreatedAt(),
                r.getHhhAccuracy(),
                r.getHhhComparisons());
    }
}
