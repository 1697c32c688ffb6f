package org.cailab.model;

import static org.cailab.db.jooq.Tables.MODEL_SNAPSHOT_EVALUATION;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Evaluations stored with snapshots; used only inside {@link SnapshotEvaluationService}'s transactions. */
@Repository
class JooqSnapshotEvaluationRepository {

    private final DSLContext dsl;

    JooqSnapshotEvaluationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Inserts or replaces the snapshot's result on the evaluation. */
    void upsert(long snapshotId, String evaluation, int correct, int comparisons, @Nullable Long runId) {
        dsl.insertInto(MODEL_SNAPSHOT_EVALUATION)
                .set(MODEL_SNAPSHOT_EVALUATION.SNAPSHOT_ID, snapshotId)
                .set(MODEL_SNAPSHOT_EVALUATION.EVALUATION, evaluation)
                .set(MODEL_SNAPSHOT_EVALUATION.CORRECT, correct)
                .set(MODEL_SNAPSHOT_EVALUATION.COMPARISONS, comparisons)
                .set(MODEL_SNAPSHOT_EVALUATION.RUN_ID, runId)
                .onConflict(MODEL_SNAPSHOT_EVALUATION.SNAPSHOT_ID, MODEL_SNAPSHOT_EVALUATION.EVALUATION)
                .doUpdate()
                .set(MODEL_SNAPSHOT_EVALUATION.CORRECT, correct)
                .set(MODEL_SNAPSHOT_EVALUATION.COMPARISONS, comparisons)
                .set(MODEL_SNAPSHOT_EVALUATION.RUN_ID, runId)
                .set(MODEL_SNAPSHOT_EVALUATION.EVALUATED_AT, OffsetDateTime.now())
                .execute();
    }

    List<SnapshotEvaluation> findAll() {
        return dsl.selectFrom(MODEL_SNAPSHOT_EVALUATION)
                .orderBy(MODEL_SNAPSHOT_EVALUATION.SNAPSHOT_ID, MODEL_SNAPSHOT_EVALUATION.EVALUATION)
                .fetch(JooqSnapshotEvaluationRepository::map);
    }

    List<SnapshotEvaluation> findBySnapshot(long snapshotId) {
        return dsl.selectFrom(MODEL_SNAPSHOT_EVALUATION)
                .where(MODEL_SNAPSHOT_EVALUATION.SNAPSHOT_ID.eq(snapshotId))
                .orderBy(MODEL_SNAPSHOT_EVALUATION.EVALUATION)
                .fetch(JooqSnapshotEvaluationRepository::map);
    }

    private static SnapshotEvaluation map(Record r) {
        return new SnapshotEvaluation(
                r.get(MODEL_SNAPSHOT_EVALUATION.SNAPSHOT_ID),
                r.get(MODEL_SNAPSHOT_EVALUATION.EVALUATION),
                r.get(MODEL_SNAPSHOT_EVALUATION.CORRECT),
                r.get(MODEL_SNAPSHOT_EVALUATION.COMPARISONS),
                r.get(MODEL_SNAPSHOT_EVALUATION.RUN_ID),
                r.get(MODEL_SNAPSHOT_EVALUATION.EVALUATED_AT));
    }
}
