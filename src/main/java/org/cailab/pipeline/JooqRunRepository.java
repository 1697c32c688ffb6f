package org.cailab.pipeline;

import static org.cailab.db.jooq.Tables.PIPELINE_RUN;
import static org.cailab.db.jooq.Tables.PIPELINE_RUN_ITEM;
import static org.cailab.db.jooq.Tables.PIPELINE_RUN_LOG;
import static org.cailab.db.jooq.Tables.PIPELINE_RUN_OUTPUT;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.row;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Row4;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JooqRunRepository implements RunRepository {

    private static final int BATCH = 1000;
    private static final int MAX_ERROR_LENGTH = 4000;
    private static final Set<String> OPEN = Set.of(RunItemState.PENDING.name(), RunItemState.RUNNING.name());

    private static final Field<Integer> DONE =
            count().filterWhere(PIPELINE_RUN_ITEM.STATE.eq("DONE")).as("done");
    private static final Field<Integer> FAILED =
            count().filterWhere(PIPELINE_RUN_ITEM.STATE.eq("FAILED")).as("failed");
    private static final Field<Integer> RUNNING =
            count().filterWhere(PIPELINE_RUN_ITEM.STATE.eq("RUNNING")).as("running");
    private static final Field<Integer> TOTAL = count().as("total");
    private static final Field<Integer> RECENT = count().filterWhere(PIPELINE_RUN_ITEM.FINISHED_AT.gt(DSL.field(
                    "now() - interval '" + RunProgress.RATE_WINDOW.toSeconds() + " seconds'", OffsetDateTime.class)))
            .as("recent");

    private final DSLContext dsl;
    private final JsonMapper json;

    JooqRunRepository(DSLContext dsl, JsonMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    @Override
    public boolean nameExists(String name) {
        return dsl.fetchExists(
                PIPELINE_RUN,
                org.jooq.impl.DSL.lower(PIPELINE_RUN.NAME).eq(name.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    @Override
    public long insertRun(RunConfig config, String createdBy, int totalItems) {
        return dsl.insertInto(PIPELINE_RUN)
                .set(PIPELINE_RUN.TYPE, config.type())
                .set(PIPELINE_RUN.NAME, config.name())
                .set(PIPELINE_RUN.CONFIG, JSONB.valueOf(json.writeValueAsString(config)))
                .set(PIPELINE_RUN.STATE, RunState.QUEUED.name())
                .set(PIPELINE_RUN.TOTAL_ITEMS, totalItems)
                .set(PIPELINE_RUN.CREATED_BY, createdBy)
                .returning(PIPELINE_RUN.ID)
                .fetchSingle(PIPELINE_RUN.ID);
    }

    @Override
    public long insertFinishedRun(
            RunConfig config, String createdBy, java.time.Instant startedAt, java.time.Instant endedAt) {
        return dsl.insertInto(PIPELINE_RUN)
                .set(PIPELINE_RUN.TYPE, config.type())
                .set(PIPELINE_RUN.NAME, config.name())
                .set(PIPELINE_RUN.CONFIG, JSONB.valueOf(json.writeValueAsString(config)))
                .set(PIPELINE_RUN.STATE, RunState.FINISHED.name())
                .set(PIPELINE_RUN.TOTAL_ITEMS, 0)
                .set(PIPELINE_RUN.CREATED_BY, createdBy)
                .set(PIPELINE_RUN.STARTED_AT, startedAt.atOffset(java.time.ZoneOffset.UTC))
                .set(PIPELINE_RUN.ENDED_AT, endedAt.atOffset(java.time.ZoneOffset.UTC))
                .returning(PIPELINE_RUN.ID)
                .fetchSingle(PIPELINE_RUN.ID);
    }

    @Override
    public void insertItems(long runId, List<ItemInput> items) {
        for (int from = 0; from < items.size(); from += BATCH) {
            List<Row4<Long, Integer, String, JSONB>> rows = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(items.size(), from + BATCH); i++) {
                ItemInput item = items.get(i);
                rows.add(row(runId, i, item.key(), JSONB.valueOf(json.writeValueAsString(item.data()))));
            }
            dsl.insertInto(
                            PIPELINE_RUN_ITEM,
                            PIPELINE_RUN_ITEM.RUN_ID,
                            PIPELINE_RUN_ITEM.SEQ,
                            PIPELINE_RUN_ITEM.ITEM_KEY,
                            PIPELINE_RUN_ITEM.INPUT)
                    .valuesOfRows(rows)
                    .execute();
        }
    }

    @Override
    public Optional<StoredRun> findRun(long id) {
        return dsl.selectFrom(PIPELINE_RUN).where(PIPELINE_RUN.ID.eq(id)).fetchOptional(this::toStoredRun);
    }

    @Override
    public List<RunSummary> findSummaries(@Nullable Long id, int limit) {
        List<StoredRun> runs = dsl.selectFrom(PIPELINE_RUN)
                .where(id == null ? DSL.noCondition() : PIPELINE_RUN.ID.eq(id))
                .orderBy(PIPELINE_RUN.ID.desc())
                .limit(limit)
                .fetch(this::toStoredRun);
        if (runs.isEmpty()) {
            return List.of();
        }
        Map<Long, Record> counts =
                countItems(runs.stream().map(r -> r.run().id().value()).toList());
        OffsetDateTime now = dsl.select(currentOffsetDateTime()).fetchSingle().value1();
        return runs.stream()
                .map(r -> new RunSummary(
                        // keyed by the column's Long: a RunId would compile here and find nothing
                        r.run(), progress(r.run(), counts.get(r.run().id().value()), now)))
                .toList();
    }

    private Map<Long, Record> countItems(List<Long> runIds) {
        return dsl.select(PIPELINE_RUN_ITEM.RUN_ID, DONE, FAILED, RUNNING, TOTAL, RECENT)
                .from(PIPELINE_RUN_ITEM)
                .where(PIPELINE_RUN_ITEM.RUN_ID.in(runIds))
                .groupBy(PIPELINE_RUN_ITEM.RUN_ID)
                .fetchMap(r -> r.get(PIPELINE_RUN_ITEM.RUN_ID), r -> (Record) r);
    }

    private static RunProgress progress(Run run, @Nullable Record counts, OffsetDateTime now) {
        if (counts == null) {
            return RunProgress.of(0, 0, 0, 0, 0, Duration.ZERO, run.endedAt() != null);
        }
        Duration window = Duration.ZERO;
        boolean ended = run.endedAt() != null;
        if (run.startedAt() != null) {
            OffsetDateTime end = ended ? run.endedAt() : now;
            window = Duration.between(run.startedAt(), end);
            if (!ended && window.compareTo(RunProgress.RATE_WINDOW) > 0) {
                window = RunProgress.RATE_WINDOW;
            }
        }
        return RunProgress.of(
                counts.get(TOTAL),
                counts.get(DONE),
                counts.get(FAILED),
                counts.get(RUNNING),
                counts.get(RECENT),
                window.isNegative() ? Duration.ZERO : window,
                ended);
    }

    @Override
    public List<StoredRun> findActive() {
        return dsl.selectFrom(PIPELINE_RUN)
                .where(PIPELINE_RUN.STATE.in(RunState.QUEUED.name(), RunState.RUNNING.name()))
                .orderBy(PIPELINE_RUN.ID)
                .fetch(this::toStoredRun);
    }

    @Override
    public Optional<Integer> changeState(long id, Set<RunState> from, RunState to, boolean newGeneration) {
        var update = dsl.update(PIPELINE_RUN)
                .set(PIPELINE_RUN.STATE, to.name())
                .set(PIPELINE_RUN.UPDATED_AT, currentOffsetDateTime())
                .set(PIPELINE_RUN.GENERATION, newGeneration ? PIPELINE_RUN.GENERATION.plus(1) : PIPELINE_RUN.GENERATION)
                .set(
                        PIPELINE_RUN.ENDED_AT,
                        to.isTerminal() ? currentOffsetDateTime() : DSL.inline((OffsetDateTime) null));
        return update.where(PIPELINE_RUN
                        .ID
                        .eq(id)
                        .and(PIPELINE_RUN.STATE.in(from.stream().map(Enum::name).toList())))
                .returning(PIPELINE_RUN.GENERATION)
                .fetchOptional(PIPELINE_RUN.GENERATION);
    }

    @Override
    public void failRun(long id, String error) {
        dsl.update(PIPELINE_RUN)
                .set(PIPELINE_RUN.STATE, RunState.FAILED.name())
                .set(PIPELINE_RUN.ERROR, truncate(error))
                .set(PIPELINE_RUN.ENDED_AT, currentOffsetDateTime())
                .set(PIPELINE_RUN.UPDATED_AT, currentOffsetDateTime())
                .where(PIPELINE_RUN
                        .ID
                        .eq(id)
                        .and(PIPELINE_RUN.STATE.in(RunState.QUEUED.name(), RunState.RUNNING.name())))
                .execute();
    }

    @Override
    public void log(long runId, RunLogLevel level, String message) {
        dsl.insertInto(PIPELINE_RUN_LOG)
                .set(PIPELINE_RUN_LOG.RUN_ID, runId)
                .set(PIPELINE_RUN_LOG.LEVEL, level.name())
                .set(PIPELINE_RUN_LOG.MESSAGE, truncate(message))
                .execute();
    }

    @Override
    public List<RunLogEntry> findLog(long runId, int limit) {
        List<RunLogEntry> newestFirst = dsl.selectFrom(PIPELINE_RUN_LOG)
                .where(PIPELINE_RUN_LOG.RUN_ID.eq(runId))
                .orderBy(PIPELINE_RUN_LOG.ID.desc())
                .limit(limit)
                .fetch(r -> new RunLogEntry(r.getId(), r.getAt(), RunLogLevel.valueOf(r.getLevel()), r.getMessage()));
        return newestFirst.reversed();
    }

    @Override
    public List<RunItem> findItems(long runId, @Nullable RunItemState state, int offset, int limit) {
        return dsl.select(
                        PIPELINE_RUN_ITEM.ID,
                        PIPELINE_RUN_ITEM.SEQ,
                        PIPELINE_RUN_ITEM.ITEM_KEY,
                        PIPELINE_RUN_ITEM.STATE,
                        PIPELINE_RUN_ITEM.ATTEMPTS,
                        PIPELINE_RUN_ITEM.LAST_ERROR,
                        PIPELINE_RUN_ITEM.FINISHED_AT,
                        PIPELINE_RUN_OUTPUT.OUTPUT,
                        PIPELINE_RUN_OUTPUT.WORKER)
                .from(PIPELINE_RUN_ITEM)
                .leftJoin(PIPELINE_RUN_OUTPUT)
                .on(PIPELINE_RUN_OUTPUT.ITEM_ID.eq(PIPELINE_RUN_ITEM.ID))
                .where(itemsOf(runId, state))
                .orderBy(PIPELINE_RUN_ITEM.SEQ)
                .offset(offset)
                .limit(limit)
                .fetch(r -> new RunItem(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        RunItemState.valueOf(r.value4()),
                        r.value5(),
                        r.value6(),
                        r.value7(),
                        r.value8() == null ? null : json.readTree(r.value8().data()),
                        r.value9()));
    }

    @Override
    public int countItems(long runId, @Nullable RunItemState state) {
        return dsl.fetchCount(PIPELINE_RUN_ITEM, itemsOf(runId, state));
    }

    @Override
    public List<RunItem> findOutputs(long runId, @Nullable JsonNode containing, int offset, int limit) {
        return dsl.select(
                        PIPELINE_RUN_ITEM.ID,
                        PIPELINE_RUN_ITEM.SEQ,
                        PIPELINE_RUN_ITEM.ITEM_KEY,
                        PIPELINE_RUN_ITEM.STATE,
                        PIPELINE_RUN_ITEM.ATTEMPTS,
                        PIPELINE_RUN_ITEM.LAST_ERROR,
                        PIPELINE_RUN_ITEM.FINISHED_AT,
                        PIPELINE_RUN_OUTPUT.OUTPUT,
                        PIPELINE_RUN_OUTPUT.WORKER)
                .from(PIPELINE_RUN_OUTPUT)
                .join(PIPELINE_RUN_ITEM)
                .on(PIPELINE_RUN_ITEM.ID.eq(PIPELINE_RUN_OUTPUT.ITEM_ID))
                .where(outputsOf(runId, containing))
                .orderBy(PIPELINE_RUN_ITEM.SEQ)
                .offset(offset)
                .limit(limit)
                .fetch(r -> new RunItem(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        RunItemState.valueOf(r.value4()),
                        r.value5(),
                        r.value6(),
                        r.value7(),
                        json.readTree(r.value8().data()),
                        r.value9()));
    }

    @Override
    public int countOutputs(long runId, @Nullable JsonNode containing) {
        return dsl.fetchCount(PIPELINE_RUN_OUTPUT, outputsOf(runId, containing));
    }

    private Condition outputsOf(long runId, @Nullable JsonNode containing) {
        Condition condition = PIPELINE_RUN_OUTPUT.RUN_ID.eq(runId);
        return containing == null
                ? condition
                : condition.and(DSL.condition(
                        "{0} @> {1}",
                        PIPELINE_RUN_OUTPUT.OUTPUT, DSL.val(JSONB.valueOf(json.writeValueAsString(containing)))));
    }

    private static Condition itemsOf(long runId, @Nullable RunItemState state) {
        Condition condition = PIPELINE_RUN_ITEM.RUN_ID.eq(runId);
        return state == null ? condition : condition.and(PIPELINE_RUN_ITEM.STATE.eq(state.name()));
    }

    // ---- worker side ----

    @Override
    public Optional<StoredRun> beginWork(long runId, int generation) {
        dsl.update(PIPELINE_RUN)
                .set(PIPELINE_RUN.STATE, RunState.RUNNING.name())
                .set(PIPELINE_RUN.STARTED_AT, DSL.coalesce(PIPELINE_RUN.STARTED_AT, currentOffsetDateTime()))
                .set(PIPELINE_RUN.UPDATED_AT, currentOffsetDateTime())
                .where(PIPELINE_RUN
                        .ID
                        .eq(runId)
                        .and(PIPELINE_RUN.STATE.eq(RunState.QUEUED.name()))
                        .and(PIPELINE_RUN.GENERATION.eq(generation)))
                .execute();
        return dsl.selectFrom(PIPELINE_RUN)
                .where(PIPELINE_RUN
                        .ID
                        .eq(runId)
                        .and(PIPELINE_RUN.STATE.eq(RunState.RUNNING.name()))
                        .and(PIPELINE_RUN.GENERATION.eq(generation)))
                .fetchOptional(this::toStoredRun);
    }

    @Override
    public boolean isCurrent(long runId, int generation) {
        return dsl.fetchExists(
                PIPELINE_RUN,
                PIPELINE_RUN
                        .ID
                        .eq(runId)
                        .and(PIPELINE_RUN.STATE.eq(RunState.RUNNING.name()))
                        .and(PIPELINE_RUN.GENERATION.eq(generation)));
    }

    @Override
    public Optional<RunSummary> finishIfComplete(long runId) {
        int updated = dsl.update(PIPELINE_RUN)
                .set(PIPELINE_RUN.STATE, RunState.FINISHED.name())
                .set(PIPELINE_RUN.ENDED_AT, currentOffsetDateTime())
                .set(PIPELINE_RUN.UPDATED_AT, currentOffsetDateTime())
                .where(PIPELINE_RUN
                        .ID
                        .eq(runId)
                        .and(PIPELINE_RUN.STATE.eq(RunState.RUNNING.name()))
                        .andNotExists(DSL.selectOne()
                                .from(PIPELINE_RUN_ITEM)
                                .where(PIPELINE_RUN_ITEM.RUN_ID.eq(runId).and(PIPELINE_RUN_ITEM.STATE.in(OPEN)))))
                .execute();
        return updated == 0
                ? Optional.empty()
                : findSummaries(runId, 1).stream().findFirst();
    }

    private StoredRun toStoredRun(Record r) {
        RunConfig config = json.readValue(r.get(PIPELINE_RUN.CONFIG).data(), RunConfig.class);
        Run run = new Run(
                new RunId(r.get(PIPELINE_RUN.ID)),
                config,
                RunState.valueOf(r.get(PIPELINE_RUN.STATE)),
                r.get(PIPELINE_RUN.CREATED_BY),
                r.get(PIPELINE_RUN.CREATED_AT),
                r.get(PIPELINE_RUN.STARTED_AT),
                r.get(PIPELINE_RUN.ENDED_AT),
                r.get(PIPELINE_RUN.ERROR));
        return new StoredRun(run, r.get(PIPELINE_RUN.GENERATION));
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
