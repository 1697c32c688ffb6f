package org.cailab.redteam;

import static org.cailab.db.jooq.Tables.REDTEAM_ATTEMPT;
import static org.cailab.db.jooq.Tables.REDTEAM_IMPORT;
import static org.cailab.db.jooq.Tables.REDTEAM_TURN;
import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.round;
import static org.jooq.impl.DSL.stddevSamp;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.cailab.crowdwork.JooqTurnStore;
import org.cailab.crowdwork.TurnOwner;
import org.cailab.db.jooq.tables.records.RedteamAttemptRecord;
import org.cailab.db.jooq.tables.records.RedteamTurnRecord;
import org.cailab.dialogue.Exchange;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class JooqAttemptRepository implements AttemptRepository {

    private static final int EXPORT_FETCH_SIZE = 500;

    private final DSLContext dsl;
    private final JooqTurnStore<RedteamAttemptRecord, RedteamTurnRecord> store;

    JooqAttemptRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.store = new JooqTurnStore<>(
                dsl,
                new JooqTurnStore.Items<>(
                        REDTEAM_ATTEMPT,
                        REDTEAM_ATTEMPT.ID,
                        REDTEAM_ATTEMPT.CAMPAIGN_ID,
                        REDTEAM_ATTEMPT.WORKER_ID,
                        REDTEAM_ATTEMPT.STATUS),
                new JooqTurnStore.Turns<>(
                        REDTEAM_TURN,
                        REDTEAM_TURN.ID,
                        REDTEAM_TURN.ATTEMPT_ID,
                        REDTEAM_TURN.TURN_INDEX,
                        REDTEAM_TURN.HUMAN_MESSAGE,
                        REDTEAM_TURN.PROMPT,
                        REDTEAM_TURN.STATUS,
                        REDTEAM_TURN.FAILURE));
    }

    @Override
    public Optional<StoredAttempt> findActive(long campaignId, long workerId) {
        return store.findActive(campaignId, workerId).map(JooqAttemptRepository::toAttempt);
    }

    @Override
    public Optional<StoredAttempt> findAttempt(long attemptId) {
        return dsl.selectFrom(REDTEAM_ATTEMPT)
                .where(live().and(REDTEAM_ATTEMPT.ID.eq(attemptId)))
                .fetchOptional(JooqAttemptRepository::toAttempt);
    }

    @Override
    public Optional<StoredAttempt> lockAttempt(long attemptId) {
        return dsl.selectFrom(REDTEAM_ATTEMPT)
                .where(live().and(REDTEAM_ATTEMPT.ID.eq(attemptId)))
                .forUpdate()
                .fetchOptional(JooqAttemptRepository::toAttempt);
    }

    @Override
    public StoredAttempt insertAttempt(
            long campaignId, long workerId, long snapshotId, String snapshotName, String taskDescription) {
        return dsl.insertInto(REDTEAM_ATTEMPT)
                .set(REDTEAM_ATTEMPT.SOURCE, AttemptSource.LIVE.name())
                .set(REDTEAM_ATTEMPT.STATUS, AttemptStatus.ACTIVE.name())
                .set(REDTEAM_ATTEMPT.CAMPAIGN_ID, campaignId)
                .set(REDTEAM_ATTEMPT.WORKER_ID, workerId)
                .set(REDTEAM_ATTEMPT.SNAPSHOT_ID, snapshotId)
                .set(REDTEAM_ATTEMPT.SNAPSHOT_NAME, snapshotName)
                .set(REDTEAM_ATTEMPT.TASK_DESCRIPTION, taskDescription)
                .set(REDTEAM_ATTEMPT.STARTED_AT, currentOffsetDateTime())
                .returning()
                .fetchSingle(JooqAttemptRepository::toAttempt);
    }

    @Override
    public void abandon(long attemptId) {
        dsl.update(REDTEAM_ATTEMPT)
                .set(REDTEAM_ATTEMPT.STATUS, AttemptStatus.ABANDONED.name())
                .set(REDTEAM_ATTEMPT.UPDATED_AT, currentOffsetDateTime())
                .where(REDTEAM_ATTEMPT.ID.eq(attemptId).and(REDTEAM_ATTEMPT.STATUS.eq(AttemptStatus.ACTIVE.name())))
                .execute();
    }

    @Override
    public int countRated(long campaignId, long workerId) {
        return dsl.fetchCount(
                REDTEAM_ATTEMPT,
                REDTEAM_ATTEMPT
                        .CAMPAIGN_ID
                        .eq(campaignId)
                        .and(REDTEAM_ATTEMPT.WORKER_ID.eq(workerId))
                        .and(REDTEAM_ATTEMPT.STATUS.eq(AttemptStatus.RATED.name())));
    }

    @Override
    public List<Exchange> exchanges(long attemptId) {
        return dsl.select(REDTEAM_TURN.HUMAN_MESSAGE, REDTEAM_TURN.ANSWER)
                .from(REDTEAM_TURN)
                .where(REDTEAM_TURN.ATTEMPT_ID.eq(attemptId).and(REDTEAM_TURN.STATUS.eq(TurnStatus.READY.name())))
                .orderBy(REDTEAM_TURN.TURN_INDEX)
                .fetch(r -> new Exchange(r.value1(), r.value2()));
    }

    @Override
    public int countTurns(long attemptId) {
        return dsl.fetchCount(
                REDTEAM_TURN,
                REDTEAM_TURN.ATTEMPT_ID.eq(attemptId).and(REDTEAM_TURN.STATUS.ne(TurnStatus.FAILED.name())));
    }

    @Override
    public Optional<StoredTurn> generatingTurn(long attemptId) {
        return store.turnIn(attemptId, Set.of(JooqTurnStore.GENERATING)).map(JooqAttemptRepository::toTurn);
    }

    @Override
    public Optional<StoredTurn> findTurn(long turnId) {
        return store.findTurn(turnId).map(JooqAttemptRepository::toTurn);
    }

    @Override
    public Optional<TurnOwner> turnOwner(long turnId) {
        return store.turnOwner(turnId);
    }

    @Override
    public StoredTurn insertTurn(long attemptId, int turnIndex, String humanMessage, String prompt) {
        return toTurn(store.insertTurn(attemptId, turnIndex, humanMessage, prompt, Map.of()));
    }

    @Override
    public boolean completeTurn(long turnId, String answer) {
        return dsl.update(REDTEAM_TURN)
                        .set(REDTEAM_TURN.STATUS, TurnStatus.READY.name())
                        .set(REDTEAM_TURN.ANSWER, answer)
                        .set(REDTEAM_TURN.ANSWERED_AT, currentOffsetDateTime())
                        .where(REDTEAM_TURN.ID.eq(turnId).and(REDTEAM_TURN.STATUS.eq(TurnStatus.GENERATING.name())))
                        .execute()
                == 1;
    }

    @Override
    public void failTurn(long turnId, String reason) {
        store.failTurn(turnId, reason);
    }

    @Override
    public Optional<OffsetDateTime> rate(
            long attemptId, int rating, @Nullable Integer taskHarmRating, String transcript) {
        return dsl.update(REDTEAM_ATTEMPT)
                .set(REDTEAM_ATTEMPT.STATUS, AttemptStatus.RATED.name())
                .set(REDTEAM_ATTEMPT.RATING, (double) rating)
                .set(REDTEAM_ATTEMPT.TASK_HARM_RATING, taskHarmRating == null ? null : taskHarmRating.shortValue())
                .set(REDTEAM_ATTEMPT.TRANSCRIPT, transcript)
                .set(REDTEAM_ATTEMPT.RATED_AT, currentOffsetDateTime())
                .set(REDTEAM_ATTEMPT.UPDATED_AT, currentOffsetDateTime())
                .where(REDTEAM_ATTEMPT.ID.eq(attemptId).and(REDTEAM_ATTEMPT.STATUS.eq(AttemptStatus.ACTIVE.name())))
                .returning(REDTEAM_ATTEMPT.RATED_AT)
                .fetchOptional(REDTEAM_ATTEMPT.RATED_AT);
    }

    @Override
    public List<StatsRow> liveStats() {
        Field<String> name = max(REDTEAM_ATTEMPT.SNAPSHOT_NAME).as("snapshot_name");
        return dsl.select(statsFields(REDTEAM_ATTEMPT.SNAPSHOT_ID, name))
                .from(REDTEAM_ATTEMPT)
                .where(live().and(rated()))
                .groupBy(REDTEAM_ATTEMPT.SNAPSHOT_ID)
                .fetch(r -> stats(r, r.get(REDTEAM_ATTEMPT.SNAPSHOT_ID), r.get(name), null, null));
    }

    @Override
    public List<StatsRow> importedStats() {
        return dsl.select(statsFields(REDTEAM_ATTEMPT.MODEL_TYPE, REDTEAM_ATTEMPT.NUM_PARAMS))
                .from(REDTEAM_ATTEMPT)
                .where(REDTEAM_ATTEMPT.SOURCE.eq(AttemptSource.IMPORTED.name()).and(rated()))
                .groupBy(REDTEAM_ATTEMPT.MODEL_TYPE, REDTEAM_ATTEMPT.NUM_PARAMS)
                .fetch(r -> stats(r, null, null, r.get(REDTEAM_ATTEMPT.MODEL_TYPE), r.get(REDTEAM_ATTEMPT.NUM_PARAMS)));
    }

    /** The group's keys, then n, mean, standard deviation and the count of each rating. */
    private static List<Field<?>> statsFields(Field<?>... keys) {
        List<Field<?>> fields = new ArrayList<>(List.of(keys));
        fields.addAll(List.of(
                count().as("n"),
                avg(REDTEAM_ATTEMPT.RATING).as("mean"),
                stddevSamp(REDTEAM_ATTEMPT.RATING).as("sd")));
        for (int k = RatingScale.MIN; k <= RatingScale.MAX; k++) {
            fields.add(count().filterWhere(round(REDTEAM_ATTEMPT.RATING).eq((double) k))
                    .as("r" + k));
        }
        return fields;
    }

    private static StatsRow stats(
            Record r,
            @Nullable Long snapshotId,
            @Nullable String snapshotName,
            @Nullable String modelType,
            @Nullable String numParams) {
        long[] counts = new long[RatingScale.MAX + 1];
        for (int k = RatingScale.MIN; k <= RatingScale.MAX; k++) {
            counts[k] = r.get("r" + k, Long.class);
        }
        return new StatsRow(
                snapshotId,
                snapshotName,
                modelType,
                numParams,
                r.get("n", Long.class),
                r.get("mean", Double.class),
                r.get("sd", Double.class),
                counts);
    }

    @Override
    public long insertImport(String fileName, String importedBy) {
        return dsl.insertInto(REDTEAM_IMPORT)
                .set(REDTEAM_IMPORT.FILE_NAME, fileName)
                .set(REDTEAM_IMPORT.IMPORTED_BY, importedBy)
                .returning(REDTEAM_IMPORT.ID)
                .fetchSingle(REDTEAM_IMPORT.ID);
    }

    @Override
    public Optional<Long> importWithSha256(String sha256) {
        return dsl.select(REDTEAM_IMPORT.ID)
                .from(REDTEAM_IMPORT)
                .where(REDTEAM_IMPORT.SHA256.eq(sha256))
                .fetchOptional(REDTEAM_IMPORT.ID);
    }

    @Override
    public void finishImport(long importId, String sha256, int records) {
        dsl.update(REDTEAM_IMPORT)
                .set(REDTEAM_IMPORT.SHA256, sha256)
                .set(REDTEAM_IMPORT.RECORDS, records)
                .where(REDTEAM_IMPORT.ID.eq(importId))
                .execute();
    }

    @Override
    public void insertImported(long importId, List<ImportedRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        // one multi-row insert per batch: 500 rows x 15 columns stay far below PostgreSQL's 65,535 parameters
        InsertValuesStepN<RedteamAttemptRecord> insert = dsl.insertInto(
                REDTEAM_ATTEMPT,
                List.of(
                        REDTEAM_ATTEMPT.SOURCE,
                        REDTEAM_ATTEMPT.STATUS,
                        REDTEAM_ATTEMPT.IMPORT_ID,
                        REDTEAM_ATTEMPT.RECORD_INDEX,
                        REDTEAM_ATTEMPT.ORIGINAL,
                        REDTEAM_ATTEMPT.TRANSCRIPT,
                        REDTEAM_ATTEMPT.RATING,
                        REDTEAM_ATTEMPT.TASK_DESCRIPTION,
                        REDTEAM_ATTEMPT.TASK_HARMLESSNESS_SCORE,
                        REDTEAM_ATTEMPT.MIN_HARMLESSNESS_SCORE,
                        REDTEAM_ATTEMPT.MODEL_TYPE,
                        REDTEAM_ATTEMPT.NUM_PARAMS,
                        REDTEAM_ATTEMPT.RED_TEAM_MEMBER_ID,
                        REDTEAM_ATTEMPT.IS_UPWORKER,
                        REDTEAM_ATTEMPT.TAGS));
        for (ImportedRecord r : records) {
            insert = insert.values(
                    AttemptSource.IMPORTED.name(),
                    AttemptStatus.RATED.name(),
                    importId,
                    Math.toIntExact(r.index()),
                    JSONB.valueOf(r.originalJson()),
                    Texts.storable(r.transcript()),
                    r.rating(),
                    Texts.storable(r.taskDescription()),
                    r.taskHarmlessnessScore(),
                    r.minHarmlessnessScore(),
                    r.modelType(),
                    r.numParams(),
                    r.redTeamMemberId(),
                    r.isUpworker(),
                    r.tags() == null ? null : r.tags().toArray(String[]::new));
        }
        insert.execute();
    }

    @Override
    public List<AttemptImport> imports() {
        return dsl.selectFrom(REDTEAM_IMPORT)
                .orderBy(REDTEAM_IMPORT.IMPORTED_AT.desc(), REDTEAM_IMPORT.ID.desc())
                .fetch(r -> new AttemptImport(
                        r.getId(),
                        r.getFileName(),
                        r.getSha256(),
                        r.getRecords(),
                        r.getImportedBy(),
                        r.getImportedAt()));
    }

    @Override
    public boolean deleteImport(long importId) {
        return dsl.deleteFrom(REDTEAM_IMPORT)
                        .where(REDTEAM_IMPORT.ID.eq(importId))
                        .execute()
                == 1;
    }

    @Override
    public long exportRated(ExportSelection selection, Consumer<ExportRow> sink) {
        Condition which = switch (selection) {
            case ALL -> DSL.noCondition();
            case LIVE -> live();
            case IMPORTED -> REDTEAM_ATTEMPT.SOURCE.eq(AttemptSource.IMPORTED.name());
        };
        long n = 0;
        // a cursor with a fetch size: PostgreSQL sends the rows in portions, so memory stays bounded
        try (Cursor<RedteamAttemptRecord> cursor = dsl.selectFrom(REDTEAM_ATTEMPT)
                .where(which.and(rated()))
                .orderBy(REDTEAM_ATTEMPT.IMPORT_ID.asc().nullsLast(), REDTEAM_ATTEMPT.RECORD_INDEX, REDTEAM_ATTEMPT.ID)
                .fetchSize(EXPORT_FETCH_SIZE)
                .fetchLazy()) {
            for (RedteamAttemptRecord r : cursor) {
                sink.accept(new ExportRow(
                        AttemptSource.valueOf(r.getSource()),
                        r.getOriginal() == null ? null : r.getOriginal().data(),
                        r.getTranscript(),
                        r.getRating(),
                        r.getTaskDescription(),
                        r.getTaskHarmRating() == null
                                ? null
                                : r.getTaskHarmRating().intValue(),
                        r.getCampaignId(),
                        r.getWorkerId(),
                        r.getSnapshotId(),
                        r.getSnapshotName(),
                        r.getStartedAt(),
                        r.getRatedAt()));
                n++;
            }
        }
        return n;
    }

    @Override
    public List<RatedTranscript> ratedTranscripts(TranscriptSelection selection) {
        Condition live = selection.campaignIds() == null
                ? live()
                : live().and(REDTEAM_ATTEMPT.CAMPAIGN_ID.in(selection.campaignIds()));
        Condition imported = REDTEAM_ATTEMPT.SOURCE.eq(AttemptSource.IMPORTED.name());
        if (selection.importIds() != null) {
            imported = imported.and(REDTEAM_ATTEMPT.IMPORT_ID.in(selection.importIds()));
        }
        return dsl.select(
                        REDTEAM_ATTEMPT.ID, REDTEAM_ATTEMPT.SOURCE, REDTEAM_ATTEMPT.TRANSCRIPT, REDTEAM_ATTEMPT.RATING)
                .from(REDTEAM_ATTEMPT)
                .where(rated().and(REDTEAM_ATTEMPT.TRANSCRIPT.ne("")).and(live.or(imported)))
                .orderBy(REDTEAM_ATTEMPT.IMPORT_ID.asc().nullsFirst(), REDTEAM_ATTEMPT.RECORD_INDEX, REDTEAM_ATTEMPT.ID)
                .fetch(r -> new RatedTranscript(r.value1(), AttemptSource.valueOf(r.value2()), r.value3(), r.value4()));
    }

    private static Condition live() {
        return REDTEAM_ATTEMPT.SOURCE.eq(AttemptSource.LIVE.name());
    }

    private static Condition rated() {
        return REDTEAM_ATTEMPT.STATUS.eq(AttemptStatus.RATED.name());
    }

    private static StoredAttempt toAttempt(RedteamAttemptRecord r) {
        return new StoredAttempt(
                r.getId(),
                r.getCampaignId(),
                r.getWorkerId(),
                r.getSnapshotId(),
                r.getSnapshotName(),
                AttemptStatus.valueOf(r.getStatus()),
                r.getTaskDescription(),
                r.getStartedAt());
    }

    private static StoredTurn toTurn(RedteamTurnRecord r) {
        return new StoredTurn(
                r.getId(),
                r.getAttemptId(),
                r.getTurnIndex(),
                r.getHumanMessage(),
                r.getPrompt(),
                TurnStatus.valueOf(r.getStatus()),
                r.getAnswer());
    }
}
