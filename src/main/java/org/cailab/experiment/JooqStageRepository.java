package org.cailab.experiment;

import static org.cailab.db.jooq.Tables.PIPELINE_STAGE;

import java.util.List;
import java.util.Optional;
import org.cailab.db.jooq.tables.records.PipelineStageRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JooqStageRepository implements StageRepository {

    private final DSLContext dsl;
    private final JsonMapper json;

    JooqStageRepository(DSLContext dsl, JsonMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    @Override
    public boolean insert(long pipelineRunId, String stageKey, int attempt) {
        // a concurrent insert of the same key waits for the other transaction and then does nothing
        return dsl.insertInto(PIPELINE_STAGE)
                        .set(PIPELINE_STAGE.PIPELINE_RUN_ID, pipelineRunId)
                        .set(PIPELINE_STAGE.STAGE_KEY, stageKey)
                        .set(PIPELINE_STAGE.ATTEMPT, attempt)
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    @Override
    public void setChild(long pipelineRunId, String stageKey, int attempt, long childRunId) {
        dsl.update(PIPELINE_STAGE)
                .set(PIPELINE_STAGE.CHILD_RUN_ID, childRunId)
                .where(
                        PIPELINE_STAGE.PIPELINE_RUN_ID.eq(pipelineRunId),
                        PIPELINE_STAGE.STAGE_KEY.eq(stageKey),
                        PIPELINE_STAGE.ATTEMPT.eq(attempt))
                .execute();
    }

    @Override
    public void finish(
            long pipelineRunId,
            String stageKey,
            int attempt,
            String outcome,
            @Nullable JsonNode result,
            @Nullable String message) {
        dsl.update(PIPELINE_STAGE)
                .set(PIPELINE_STAGE.OUTCOME, outcome)
                .set(PIPELINE_STAGE.RESULT, result == null ? null : JSONB.valueOf(result.toString()))
                .set(PIPELINE_STAGE.MESSAGE, message)
                .where(
                        PIPELINE_STAGE.PIPELINE_RUN_ID.eq(pipelineRunId),
                        PIPELINE_STAGE.STAGE_KEY.eq(stageKey),
                        PIPELINE_STAGE.ATTEMPT.eq(attempt))
                .execute();
    }

    @Override
    public Optional<StageRecord> latest(long pipelineRunId, String stageKey) {
        return dsl.selectFrom(PIPELINE_STAGE)
                .where(PIPELINE_STAGE.PIPELINE_RUN_ID.eq(pipelineRunId), PIPELINE_STAGE.STAGE_KEY.eq(stageKey))
                .orderBy(PIPELINE_STAGE.ATTEMPT.desc())
                .limit(1)
                .fetchOptional(this::map);
    }

    @Override
    public List<StageRecord> all(long pipelineRunId) {
        return dsl.selectFrom(PIPELINE_STAGE)
                .where(PIPELINE_STAGE.PIPELINE_RUN_ID.eq(pipelineRunId))
                .orderBy(PIPELINE_STAGE.CREATED_AT, PIPELINE_STAGE.STAGE_KEY, PIPELINE_STAGE.ATTEMPT)
                .fetch(this::map);
    }

    @Override
    public Optional<Long> parentOf(long childRunId) {
        return dsl.select(PIPELINE_STAGE.PIPELINE_RUN_ID)
                .from(PIPELINE_STAGE)
                .where(PIPELINE_STAGE.CHILD_RUN_ID.eq(childRunId))
                .fetchOptional(PIPELINE_STAGE.PIPELINE_RUN_ID);
    }

    private StageRecord map(PipelineStageRecord r) {
        return new StageRecord(
                r.getPipelineRunId(),
                r.getStageKey(),
                r.getAttempt(),
                r.getChildRunId(),
                r.getOutcome(),
                r.getResult() == null ? null : json.readTree(r.getResult().data()),
                r.getMessage(),
                r.getCreatedAt());
    }
}
