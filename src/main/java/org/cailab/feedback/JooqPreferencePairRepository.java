package org.cailab.feedback;

import static org.cailab.db.jooq.Tables.PREFERENCE_PAIR;
import static org.cailab.db.jooq.Tables.PREFERENCE_PAIR_IMPORT;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.cailab.db.jooq.tables.records.PreferencePairRecord;
import org.cailab.dialogue.Turn;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JooqPreferencePairRepository implements PreferencePairRepository {

    private static final int BATCH = 500;
    private static final TypeReference<List<Turn>> TURNS = new TypeReference<>() {};
    private static final org.cailab.db.jooq.tables.PreferencePair LABELS = PREFERENCE_PAIR.as("ai_label");

    private final DSLContext dsl;
    private final JsonMapper json;

    JooqPreferencePairRepository(DSLContext dsl, JsonMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    @Override
    public Optional<Long> insertImport(String name, PairTask task, String fileName, String createdBy) {
        return dsl.insertInto(PREFERENCE_PAIR_IMPORT)
                .set(PREFERENCE_PAIR_IMPORT.NAME, name)
                .set(PREFERENCE_PAIR_IMPORT.TASK, task.name())
                .set(PREFERENCE_PAIR_IMPORT.FILE_NAME, fileName)
                .set(PREFERENCE_PAIR_IMPORT.LINES_READ, 0)
                .set(PREFERENCE_PAIR_IMPORT.PAIR_COUNT, 0)
                .set(PREFERENCE_PAIR_IMPORT.CREATED_BY, createdBy)
                .onConflictDoNothing()
                .returning(PREFERENCE_PAIR_IMPORT.ID)
                .fetchOptional(PREFERENCE_PAIR_IMPORT.ID);
    }

    @Override
    public void finishImport(long importId, int linesRead, int pairCount, List<Integer> skippedLines) {
        dsl.update(PREFERENCE_PAIR_IMPORT)
                .set(PREFERENCE_PAIR_IMPORT.LINES_READ, linesRead)
                .set(PREFERENCE_PAIR_IMPORT.PAIR_COUNT, pairCount)
                .set(PREFERENCE_PAIR_IMPORT.SKIPPED_LINES, skippedLines.toArray(Integer[]::new))
                .where(PREFERENCE_PAIR_IMPORT.ID.eq(importId))
                .execute();
    }

    @Override
    public Optional<PairImport> findImport(long id) {
        return dsl.selectFrom(PREFERENCE_PAIR_IMPORT)
                .where(PREFERENCE_PAIR_IMPORT.ID.eq(id))
                .fetchOptional(JooqPreferencePairRepository::toImport);
    }

    @Override
    public List<PairImport> findImports() {
        return dsl.selectFrom(PREFERENCE_PAIR_IMPORT)
                .orderBy(PREFERENCE_PAIR_IMPORT.ID.desc())
                .fetch(JooqPreferencePairRepository::toImport);
    }

    @Override
    public boolean deleteImport(long id) {
        return dsl.deleteFrom(PREFERENCE_PAIR_IMPORT)
                        .where(PREFERENCE_PAIR_IMPORT.ID.eq(id))
                        .execute()
                == 1;
    }

    @Override
    public void insertAll(List<NewPreferencePair> pairs) {
        for (int from = 0; from < pairs.size(); from += BATCH) {
            var insert = insertStep();
            for (NewPreferencePair pair : pairs.subList(from, Math.min(pairs.size(), from + BATCH))) {
                insert = insert.values(values(pair));
            }
            insert.execute();
        }
    }

    @Override
    public PreferencePair insertForRunItem(NewPreferencePair pair) {
        Long runId = pair.provenance().runId();
        String itemKey = pair.provenance().itemKey();
        if (runId == null || itemKey == null) {
            throw new IllegalArgumentException("A run item's pair names its run and item");
        }
        insertStep()
                .values(values(pair))
                .onConflict(PREFERENCE_PAIR.RUN_ID, PREFERENCE_PAIR.ITEM_KEY)
                .where(PREFERENCE_PAIR.RUN_ID.isNotNull())
                .doNothing()
                .execute();
        return select().where(PREFERENCE_PAIR.RUN_ID.eq(runId).and(PREFERENCE_PAIR.ITEM_KEY.eq(itemKey)))
                .fetchSingle(this::toPair);
    }

    @Override
    public Optional<PreferencePair> findForRunItem(long runId, String itemKey) {
        return select().where(PREFERENCE_PAIR.RUN_ID.eq(runId).and(PREFERENCE_PAIR.ITEM_KEY.eq(itemKey)))
                .fetchOptional(this::toPair);
    }

    @Override
    public int insertVotes(List<NewPreferencePair> pairs) {
        int inserted = 0;
        for (int from = 0; from < pairs.size(); from += BATCH) {
            var insert = insertStep();
            for (NewPreferencePair pair : pairs.subList(from, Math.min(pairs.size(), from + BATCH))) {
                insert = insert.values(values(pair));
            }
            inserted += insert.onConflict(PREFERENCE_PAIR.VOTE_ID)
                    .where(PREFERENCE_PAIR.VOTE_ID.isNotNull())
                    .doNothing()
                    .execute();
        }
        return inserted;
    }

    @Override
    public java.util.Set<Long> storedVoteIds() {
        return new java.util.HashSet<>(dsl.select(PREFERENCE_PAIR.VOTE_ID)
                .from(PREFERENCE_PAIR)
                .where(PREFERENCE_PAIR.VOTE_ID.isNotNull())
                .fetch(PREFERENCE_PAIR.VOTE_ID));
    }

    @Override
    public int deleteVotes(java.util.Collection<Long> voteIds) {
        return voteIds.isEmpty()
                ? 0
                : dsl.deleteFrom(PREFERENCE_PAIR)
                        .where(PREFERENCE_PAIR.VOTE_ID.in(voteIds))
                        .execute();
    }

    @Override
    public Optional<PreferencePair> find(long id) {
        return select().where(PREFERENCE_PAIR.ID.eq(id)).fetchOptional(this::toPair);
    }

    @Override
    public List<PreferencePair> find(PairFilter filter, int offset, int limit) {
        return select().where(condition(filter))
                .orderBy(PREFERENCE_PAIR.ID)
                .offset(offset)
                .limit(limit)
                .fetch(this::toPair);
    }

    @Override
    public int count(PairFilter filter) {
        return dsl.fetchCount(PREFERENCE_PAIR, condition(filter));
    }

    @Override
    public @Nullable JsonNode details(long id) {
        return dsl.select(PREFERENCE_PAIR.DETAILS)
                .from(PREFERENCE_PAIR)
                .where(PREFERENCE_PAIR.ID.eq(id))
                .fetchOptional(PREFERENCE_PAIR.DETAILS)
                .map(d -> json.readTree(d.data()))
                .orElse(null);
    }

    @Override
    public List<Double> labelsOfRun(long runId) {
        return dsl.select(PREFERENCE_PAIR.LABEL)
                .from(PREFERENCE_PAIR)
                .where(PREFERENCE_PAIR.RUN_ID.eq(runId).and(PREFERENCE_PAIR.LABEL.isNotNull()))
                .orderBy(PREFERENCE_PAIR.ID)
                .fetch(PREFERENCE_PAIR.LABEL);
    }

    @Override
    public LabellingProgress labellingProgress(long runId) {
        Field<Integer> disagreements =
                DSL.field("case when (details->>'ordersDisagree')::boolean then 1 else 0 end", Integer.class);
        Field<Integer> swapped = DSL.field(
                "case when jsonb_typeof(details->'swappedOrder') = 'number' then 1 else 0 end", Integer.class);
        var sums = dsl.select(DSL.sum(disagreements), DSL.sum(swapped))
                .from(PREFERENCE_PAIR)
                .where(PREFERENCE_PAIR.RUN_ID.eq(runId).and(PREFERENCE_PAIR.SOURCE.eq(PairSource.AI_FEEDBACK.name())))
                .fetchSingle();
        return new LabellingProgress(
                labelsOfRun(runId),
                sums.value1() == null ? 0 : sums.value1().longValue(),
                sums.value2() == null ? 0 : sums.value2().longValue());
    }

    @Override
    public List<AgreementRow> agreementRows(PairTask task) {
        var human = PREFERENCE_PAIR.as("human");
        return dsl.select(human.LABEL, LABELS.LABEL, LABELS.PRINCIPLES, LABELS.SNAPSHOT_ID, LABELS.SNAPSHOT_NAME)
                .from(LABELS)
                .join(human)
                .on(human.ID.eq(LABELS.LABELLED_PAIR_ID))
                .where(LABELS.SOURCE
                        .eq(PairSource.AI_FEEDBACK.name())
                        .and(human.SOURCE.eq(PairSource.CROWD_VOTE.name()))
                        .and(human.TASK.eq(task.name())))
                .orderBy(LABELS.ID)
                .fetch(r -> new AgreementRow(
                        r.value1(),
                        r.value2(),
                        Arrays.asList(r.value3()),
                        r.value4() == null ? 0 : r.value4(),
                        r.value5() == null ? "" : r.value5()));
    }

    private InsertValuesStepN<PreferencePairRecord> insertStep() {
        return dsl.insertInto(
                PREFERENCE_PAIR,
                List.<Field<?>>of(
                        PREFERENCE_PAIR.TASK,
                        PREFERENCE_PAIR.SOURCE,
                        PREFERENCE_PAIR.CONVERSATION,
                        PREFERENCE_PAIR.RESPONSE_A,
                        PREFERENCE_PAIR.RESPONSE_B,
                        PREFERENCE_PAIR.LABEL,
                        PREFERENCE_PAIR.IMPORT_ID,
                        PREFERENCE_PAIR.SOURCE_LINE,
                        PREFERENCE_PAIR.CAMPAIGN_ID,
                        PREFERENCE_PAIR.CAMPAIGN_NAME,
                        PREFERENCE_PAIR.VOTE_ID,
                        PREFERENCE_PAIR.RUN_ID,
                        PREFERENCE_PAIR.ITEM_KEY,
                        PREFERENCE_PAIR.LABELLED_PAIR_ID,
                        PREFERENCE_PAIR.PRINCIPLES,
                        PREFERENCE_PAIR.SNAPSHOT_ID,
                        PREFERENCE_PAIR.SNAPSHOT_NAME,
                        PREFERENCE_PAIR.DETAILS));
    }

    private List<Object> values(NewPreferencePair p) {
        PairProvenance v = p.provenance();
        return Arrays.asList(
                p.task().name(),
                p.source().name(),
                JSONB.valueOf(json.writeValueAsString(p.conversation())),
                p.responseA(),
                p.responseB(),
                p.label(),
                v.importId(),
                v.sourceLine(),
                v.campaignId(),
                v.campaignName(),
                v.voteId(),
                v.runId(),
                v.itemKey(),
                v.labelledPairId(),
                v.principles().toArray(String[]::new),
                v.snapshotId(),
                v.snapshotName(),
                JSONB.valueOf(p.details() == null ? "{}" : json.writeValueAsString(p.details())));
    }

    private org.jooq.SelectJoinStep<Record> select() {
        Field<Integer> aiLabels = DSL.field(
                        selectCount().from(LABELS).where(LABELS.LABELLED_PAIR_ID.eq(PREFERENCE_PAIR.ID)))
                .as("ai_labels");
        return dsl.select(PREFERENCE_PAIR.fields())
                .select(aiLabels, PREFERENCE_PAIR_IMPORT.NAME)
                .from(PREFERENCE_PAIR)
                .leftJoin(PREFERENCE_PAIR_IMPORT)
                .on(PREFERENCE_PAIR_IMPORT.ID.eq(PREFERENCE_PAIR.IMPORT_ID));
    }

    private static Condition condition(PairFilter f) {
        Condition hasAiLabel = exists(selectOne().from(LABELS).where(LABELS.LABELLED_PAIR_ID.eq(PREFERENCE_PAIR.ID)));
        return (f.task() == null
                        ? noCondition()
                        : PREFERENCE_PAIR.TASK.eq(f.task().name()))
                .and(
                        f.source() == null
                                ? noCondition()
                                : PREFERENCE_PAIR.SOURCE.eq(f.source().name()))
                .and(f.runId() == null ? noCondition() : PREFERENCE_PAIR.RUN_ID.eq(f.runId()))
                .and(f.importId() == null ? noCondition() : PREFERENCE_PAIR.IMPORT_ID.eq(f.importId()))
                .and(f.campaignId() == null ? noCondition() : PREFERENCE_PAIR.CAMPAIGN_ID.eq(f.campaignId()))
                .and(
                        f.labelledPairId() == null
                                ? noCondition()
                                : PREFERENCE_PAIR.LABELLED_PAIR_ID.eq(f.labelledPairId()))
                .and(
                        f.labelled() == null
                                ? noCondition()
                                : f.labelled()
                                        ? PREFERENCE_PAIR.LABEL.isNotNull().or(hasAiLabel)
                                        : PREFERENCE_PAIR.LABEL.isNull().andNot(hasAiLabel));
    }

    private PreferencePair toPair(Record r) {
        PairProvenance provenance = new PairProvenance(
                r.get(PREFERENCE_PAIR.IMPORT_ID),
                r.get(PREFERENCE_PAIR_IMPORT.NAME),
                r.get(PREFERENCE_PAIR.SOURCE_LINE),
                r.get(PREFERENCE_PAIR.CAMPAIGN_ID),
                r.get(PREFERENCE_PAIR.CAMPAIGN_NAME),
                r.get(PREFERENCE_PAIR.VOTE_ID),
                r.get(PREFERENCE_PAIR.RUN_ID),
                r.get(PREFERENCE_PAIR.ITEM_KEY),
                r.get(PREFERENCE_PAIR.LABELLED_PAIR_ID),
                Arrays.asList(r.get(PREFERENCE_PAIR.PRINCIPLES)),
                r.get(PREFERENCE_PAIR.SNAPSHOT_ID),
                r.get(PREFERENCE_PAIR.SNAPSHOT_NAME));
        Integer aiLabels = r.get("ai_labels", Integer.class);
        return new PreferencePair(
                r.get(PREFERENCE_PAIR.ID),
                PairTask.valueOf(r.get(PREFERENCE_PAIR.TASK)),
                PairSource.valueOf(r.get(PREFERENCE_PAIR.SOURCE)),
                json.readValue(r.get(PREFERENCE_PAIR.CONVERSATION).data(), TURNS),
                r.get(PREFERENCE_PAIR.RESPONSE_A),
                r.get(PREFERENCE_PAIR.RESPONSE_B),
                r.get(PREFERENCE_PAIR.LABEL),
                provenance,
                aiLabels == null ? 0 : aiLabels,
                r.get(PREFERENCE_PAIR.CREATED_AT));
    }

    private static PairImport toImport(Record r) {
        return new PairImport(
                r.get(PREFERENCE_PAIR_IMPORT.ID),
                r.get(PREFERENCE_PAIR_IMPORT.NAME),
                PairTask.valueOf(r.get(PREFERENCE_PAIR_IMPORT.TASK)),
                r.get(PREFERENCE_PAIR_IMPORT.FILE_NAME),
                r.get(PREFERENCE_PAIR_IMPORT.LINES_READ),
                r.get(PREFERENCE_PAIR_IMPORT.PAIR_COUNT),
                Arrays.asList(r.get(PREFERENCE_PAIR_IMPORT.SKIPPED_LINES)),
                r.get(PREFERENCE_PAIR_IMPORT.CREATED_BY),
                r.get(PREFERENCE_PAIR_IMPORT.CREATED_AT));
    }
}
