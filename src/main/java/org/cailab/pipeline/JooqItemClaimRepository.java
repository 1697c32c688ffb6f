package org.cailab.pipeline;

import static org.cailab.db.jooq.Tables.PIPELINE_RUN;
import static org.cailab.db.jooq.Tables.PIPELINE_RUN_ITEM;
import static org.cailab.db.jooq.Tables.PIPELINE_RUN_OUTPUT;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cailab.db.jooq.tables.records.PipelineRunItemRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JooqItemClaimRepository implements ItemClaimRepository {

    private static final Set<String> OPEN = Set.of(RunItemState.PENDING.name(), RunItemState.RUNNING.name());
    private static final int MAX_ERROR_LENGTH = 4000;

    private final DSLContext dsl;
    private final JsonMapper json;

    JooqItemClaimRepository(DSLContext dsl, JsonMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    @Override
    public List<FailedAttempt> failExpiredLastAttempts(long runId, int maxAttempts) {
        return dsl.update(PIPELINE_RUN_ITEM)
                .set(PIPELINE_RUN_ITEM.STATE, RunItemState.FAILED.name())
                .set(PIPELINE_RUN_ITEM.FINISHED_AT, currentOffsetDateTime())
                .set(
                        PIPELINE_RUN_ITEM.LAST_ERROR,
                        DSL.concat(
                                DSL.inline("The worker on the last attempt stopped "
                                        + "answering (instance killed or cut off): "),
                                PIPELINE_RUN_ITEM.LEASE_OWNER))
                .setNull(PIPELINE_RUN_ITEM.LEASE_OWNER)
                .setNull(PIPELINE_RUN_ITEM.LEASE_TOKEN)
                .setNull(PIPELINE_RUN_ITEM.LEASE_UNTIL)
                .where(PIPELINE_RUN_ITEM
                        .RUN_ID
                        .eq(runId)
                        .and(PIPELINE_RUN_ITEM.STATE.eq(RunItemState.RUNNING.name()))
                        .and(PIPELINE_RUN_ITEM.LEASE_UNTIL.lt(currentOffsetDateTime()))
                        .and(PIPELINE_RUN_ITEM.ATTEMPTS.ge(maxAttempts)))
                .returning(PIPELINE_RUN_ITEM.ITEM_KEY, PIPELINE_RUN_ITEM.ATTEMPTS)
                .fetch(r -> new FailedAttempt(r.getItemKey(), RunItemState.FAILED, r.getAttempts()));
    }

    @Override
    public Optional<ClaimedItem> claim(long runId, String worker, Duration lease) {
        // Share-lock the run row while claiming: a pause or cancel (which updates that row) then waits for this
        // claim to commit, so once it returns no item of the run can be claimed any more.
        boolean running = dsl.select(PIPELINE_RUN.ID)
                .from(PIPELINE_RUN)
                .where(PIPELINE_RUN.ID.eq(runId).and(PIPELINE_RUN.STATE.eq(RunState.RUNNING.name())))
                .forShare()
                .fetchOptional()
                .isPresent();
        if (!running) {
            return Optional.empty();
        }
        Condition due = PIPELINE_RUN_ITEM
                .STATE
                .eq(RunItemState.PENDING.name())
                .and(PIPELINE_RUN_ITEM
                        .NOT_BEFORE
                        .isNull()
                        .or(PIPELINE_RUN_ITEM.NOT_BEFORE.le(currentOffsetDateTime())));
        Condition abandoned = PIPELINE_RUN_ITEM
                .STATE
                .eq(RunItemState.RUNNING.name())
                .and(PIPELINE_RUN_ITEM.LEASE_UNTIL.lt(currentOffsetDateTime()));
        // SKIP LOCKED: concurrent workers (of any instance) each take a different row instead of waiting
        var next = dsl.select(PIPELINE_RUN_ITEM.ID)
                .from(PIPELINE_RUN_ITEM)
                .where(PIPELINE_RUN_ITEM
                        .RUN_ID
                        .eq(runId)
                        .and(PIPELINE_RUN_ITEM.STATE.in(OPEN))
                        .and(due.or(abandoned)))
                .orderBy(PIPELINE_RUN_ITEM.SEQ)
                .limit(1)
                .forUpdate()
                .skipLocked();
        UUID token = UUID.randomUUID();
        return dsl.update(PIPELINE_RUN_ITEM)
                .set(PIPELINE_RUN_ITEM.STATE, RunItemState.RUNNING.name())
                .set(PIPELINE_RUN_ITEM.ATTEMPTS, PIPELINE_RUN_ITEM.ATTEMPTS.plus(1))
                .set(PIPELINE_RUN_ITEM.LEASE_OWNER, worker)
                .set(PIPELINE_RUN_ITEM.LEASE_TOKEN, token)
                .set(PIPELINE_RUN_ITEM.LEASE_UNTIL, nowPlus(lease))
                .set(PIPELINE_RUN_ITEM.STARTED_AT, DSL.coalesce(PIPELINE_RUN_ITEM.STARTED_AT, currentOffsetDateTime()))
                .where(PIPELINE_RUN_ITEM.ID.in(next))
                .returning()
                .fetchOptional(r -> toClaim(r, token));
    }

    private ClaimedItem toClaim(PipelineRunItemRecord r, UUID token) {
        return new ClaimedItem(
                r.getId(),
                r.getRunId(),
                r.getSeq(),
                r.getItemKey(),
                new ItemInput(r.getItemKey(), json.readTree(r.getInput().data())),
                r.getAttempts(),
                token);
    }

    @Override
    public boolean complete(ClaimedItem item, String output, String worker) {
        int updated = dsl.update(PIPELINE_RUN_ITEM)
                .set(PIPELINE_RUN_ITEM.STATE, RunItemState.DONE.name())
                .set(PIPELINE_RUN_ITEM.FINISHED_AT, currentOffsetDateTime())
                .setNull(PIPELINE_RUN_ITEM.LAST_ERROR)
                .setNull(PIPELINE_RUN_ITEM.LEASE_OWNER)
                .setNull(PIPELINE_RUN_ITEM.LEASE_TOKEN)
                .setNull(PIPELINE_RUN_ITEM.LEASE_UNTIL)
                .where(heldBy(item))
                .execute();
        if (updated == 0) {
            return false;
        }
        dsl.insertInto(PIPELINE_RUN_OUTPUT)
                .set(PIPELINE_RUN_OUTPUT.ITEM_ID, item.id())
                .set(PIPELINE_RUN_OUTPUT.RUN_ID, item.runId())
                .set(PIPELINE_RUN_OUTPUT.OUTPUT, JSONB.valueOf(output))
                .set(PIPELINE_RUN_OUTPUT.WORKER, worker)
                .execute();
        return true;
    }

    @Override
    public Optional<FailedAttempt> fail(ClaimedItem item, String error, int maxAttempts, Duration retryDelay) {
        Condition exhausted = PIPELINE_RUN_ITEM.ATTEMPTS.ge(maxAttempts);
        return dsl.update(PIPELINE_RUN_ITEM)
                .set(
                        PIPELINE_RUN_ITEM.STATE,
                        DSL.when(exhausted, DSL.inline(RunItemState.FAILED.name()))
                                .otherwise(DSL.inline(RunItemState.PENDING.name())))
                .set(PIPELINE_RUN_ITEM.FINISHED_AT, DSL.when(exhausted, currentOffsetDateTime()))
                .set(
                        PIPELINE_RUN_ITEM.NOT_BEFORE,
                        DSL.field(
                                "now() + ({0} * {1} * interval '1 millisecond')",
                                OffsetDateTime.class, DSL.val(retryDelay.toMillis()), PIPELINE_RUN_ITEM.ATTEMPTS))
                .set(PIPELINE_RUN_ITEM.LAST_ERROR, truncate(error))
                .setNull(PIPELINE_RUN_ITEM.LEASE_OWNER)
                .setNull(PIPELINE_RUN_ITEM.LEASE_TOKEN)
                .setNull(PIPELINE_RUN_ITEM.LEASE_UNTIL)
                .where(heldBy(item))
                .returning(PIPELINE_RUN_ITEM.STATE, PIPELINE_RUN_ITEM.ATTEMPTS)
                .fetchOptional(r -> new FailedAttempt(item.key(), RunItemState.valueOf(r.getState()), r.getAttempts()));
    }

    @Override
    public void release(ClaimedItem item) {
        dsl.update(PIPELINE_RUN_ITEM)
                .set(PIPELINE_RUN_ITEM.STATE, RunItemState.PENDING.name())
                .set(PIPELINE_RUN_ITEM.ATTEMPTS, PIPELINE_RUN_ITEM.ATTEMPTS.minus(1))
                .setNull(PIPELINE_RUN_ITEM.LEASE_OWNER)
                .setNull(PIPELINE_RUN_ITEM.LEASE_TOKEN)
                .setNull(PIPELINE_RUN_ITEM.LEASE_UNTIL)
                .where(heldBy(item))
                .execute();
    }

    private static Condition heldBy(ClaimedItem item) {
        return PIPELINE_RUN_ITEM
                .ID
                .eq(item.id())
                .and(PIPELINE_RUN_ITEM.STATE.eq(RunItemState.RUNNING.name()))
                .and(PIPELINE_RUN_ITEM.LEASE_TOKEN.eq(item.token()));
    }

    @Override
    public void renew(Collection<UUID> tokens, Duration lease) {
        dsl.update(PIPELINE_RUN_ITEM)
                .set(PIPELINE_RUN_ITEM.LEASE_UNTIL, nowPlus(lease))
                .where(PIPELINE_RUN_ITEM
                        .LEASE_TOKEN
                        .in(tokens)
                        .and(PIPELINE_RUN_ITEM.STATE.eq(RunItemState.RUNNING.name())))
                .execute();
    }

    private static Field<OffsetDateTime> nowPlus(Duration duration) {
        return DSL.field(
                "now() + ({0} * interval '1 millisecond')", OffsetDateTime.class, DSL.val(duration.toMillis()));
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
