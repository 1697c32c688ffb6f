package org.cailab.crowdwork;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.SelectField;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.SelectJoinStep;
import org.jooq.Table;

/**
 * The campaign tables every task type has, read and written once for all: the campaign row's shared columns
 * ({@link CampaignBasics}, version, open state), its pool and its participants. A task type's jOOQ repository
 * extends this with its three generated tables (which have the same columns: {@code *_campaign},
 * {@code *_pool_snapshot}, {@code *_participation}) and adds what is its own. The columns are looked up by name
 * and type when the repository is built, so a table that lacks one fails at start, not at the first request.
 */
public abstract class JooqCampaignStore implements CampaignParticipations {

    protected final DSLContext dsl;

    private final Table<?> campaign;
    private final Field<Long> id;
    private final Field<Integer> version;
    private final Field<Boolean> open;
    private final Field<String> name;
    private final Field<String> instructions;
    private final Field<Integer> turnLimit;
    private final Field<Integer> quota;
    private final Field<String> completionCode;
    private final Field<String> createdBy;
    private final Field<OffsetDateTime> updatedAt;

    private final Table<?> pool;
    private final Field<Long> poolCampaign;
    private final Field<Long> snapshotId;
    private final Field<String> snapshotName;
    private final Field<Double> weight;
    private final Field<List<PoolSnapshot>> poolField;

    private final Table<?> participation;
    private final Field<Long> participantCampaign;
    private final Field<Long> worker;
    private final Field<OffsetDateTime> guidelinesSeenAt;
    private final Field<String> prolificPid;
    private final Field<String> studyId;
    private final Field<String> sessionId;

    protected JooqCampaignStore(DSLContext dsl, Table<?> campaign, Table<?> pool, Table<?> participation) {
        this.dsl = dsl;
        this.campaign = campaign;
        id = column(campaign, "id", Long.class);
        version = column(campaign, "version", Integer.class);
        open = column(campaign, "is_open", Boolean.class);
        name = column(campaign, "name", String.class);
        instructions = column(campaign, "instructions", String.class);
        turnLimit = column(campaign, "turn_limit", Integer.class);
        quota = column(campaign, "quota_per_worker", Integer.class);
        completionCode = column(campaign, "completion_code", String.class);
        createdBy = column(campaign, "created_by", String.class);
        updatedAt = column(campaign, "updated_at", OffsetDateTime.class);
        this.pool = pool;
        poolCampaign = column(pool, "campaign_id", Long.class);
        snapshotId = column(pool, "snapshot_id", Long.class);
        snapshotName = column(pool, "snapshot_name", String.class);
        weight = column(pool, "weight", Double.class);
        poolField = multiset(select(snapshotId, snapshotName, weight)
                        .from(pool)
                        .where(poolCampaign.eq(id))
                        .orderBy(snapshotName, snapshotId))
                .as("pool")
                .convertFrom(rows -> rows.map(p -> new PoolSnapshot(p.value1(), p.value2(), p.value3())));
        this.participation = participation;
        participantCampaign = column(participation, "campaign_id", Long.class);
        worker = column(participation, "worker_id", Long.class);
        guidelinesSeenAt = column(participation, "guidelines_seen_at", OffsetDateTime.class);
        prolificPid = column(participation, "prolific_pid", String.class);
        studyId = column(participation, "study_id", String.class);
        sessionId = column(participation, "session_id", String.class);
    }

    /** The campaign rows with their pool and the task type's own computed columns, to filter and order. */
    protected SelectJoinStep<Record> selectCampaigns(SelectField<?>... extra) {
        List<SelectFieldOrAsterisk> fields = new java.util.ArrayList<>();
        fields.add(campaign.asterisk());
        fields.add(poolField);
        fields.addAll(List.of(extra));
        return dsl.select(fields).from(campaign);
    }

    /** The shared settings of a row from {@link #selectCampaigns}. */
    protected CampaignBasics basics(Record r) {
        Record c = r.into(campaign);
        return new CampaignBasics(
                c.get(name),
                c.get(instructions),
                r.get(poolField),
                c.get(turnLimit),
                c.get(quota),
                c.get(open),
                c.get(completionCode));
    }

    /**
     * Inserts a campaign with its pool.
     *
     * @param own the task type's own columns and values
     * @return the new campaign's id
     */
    protected long insert(CampaignBasics basics, Map<Field<?>, Object> own, String creator) {
        long campaignId = dsl.insertInto(campaign)
                .set(columns(basics, own))
                .set(createdBy, creator)
                .returning(id)
                .fetchSingle(id);
        insertPool(campaignId, basics.pool());
        return campaignId;
    }

    /** Updates the campaign and replaces its pool if {@code expectedVersion} is still current; false otherwise. */
    protected boolean update(long campaignId, int expectedVersion, CampaignBasics basics, Map<Field<?>, Object> own) {
        int updated = dsl.update(campaign)
                .set(columns(basics, own))
                .set(version, version.plus(1))
                .set(updatedAt, currentOffsetDateTime())
                .where(id.eq(campaignId).and(version.eq(expectedVersion)))
                .execute();
        if (updated != 1) {
            return false;
        }
        dsl.deleteFrom(pool).where(poolCampaign.eq(campaignId)).execute();
        insertPool(campaignId, basics.pool());
        return true;
    }

    private Map<Field<?>, Object> columns(CampaignBasics s, Map<Field<?>, Object> own) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(name, s.name());
        columns.put(instructions, s.instructions());
        columns.put(turnLimit, s.turnLimit());
        columns.put(quota, s.quotaPerWorker());
        columns.put(open, s.open());
        columns.put(completionCode, s.completionCode());
        columns.putAll(own);
        return columns;
    }

    private void insertPool(long campaignId, List<PoolSnapshot> snapshots) {
        for (PoolSnapshot p : snapshots) {
            dsl.insertInto(pool)
                    .set(poolCampaign, campaignId)
                    .set(snapshotId, p.snapshotId())
                    .set(snapshotName, p.name())
                    .set(weight, p.weight())
                    .execute();
        }
    }

    @Override
    public boolean lockOpen(long campaignId) {
        return Boolean.TRUE.equals(dsl.select(open)
                .from(campaign)
                .where(id.eq(campaignId))
                .forShare()
                .fetchOne(open));
    }

    @Override
    public Optional<Boolean> isOpen(long campaignId) {
        return dsl.select(open).from(campaign).where(id.eq(campaignId)).fetchOptional(open);
    }

    @Override
    public Participation lockParticipation(long campaignId, long workerId) {
        dsl.insertInto(participation)
                .set(participantCampaign, campaignId)
                .set(worker, workerId)
                .onConflictDoNothing()
                .execute();
        return dsl.select(guidelinesSeenAt)
                .from(participation)
                .where(participantCampaign.eq(campaignId).and(worker.eq(workerId)))
                .forUpdate()
                .fetchSingle(r -> new Participation(campaignId, workerId, r.value1() != null));
    }

    @Override
    public void markGuidelinesSeen(long campaignId, long workerId) {
        dsl.update(participation)
                .set(guidelinesSeenAt, coalesce(guidelinesSeenAt, currentOffsetDateTime()))
                .where(participantCampaign.eq(campaignId).and(worker.eq(workerId)))
                .execute();
    }

    @Override
    public Optional<String> lockProlificSession(long campaignId, long workerId) {
        return dsl.select(sessionId)
                .from(participation)
                .where(participantCampaign.eq(campaignId).and(worker.eq(workerId)))
                .forUpdate()
                .fetchOptional()
                .map(Record1::value1);
    }

    /** Stores the Prolific ids; a later visit with other ids updates them. */
    @Override
    public void recordProlificIds(long campaignId, long workerId, String prolific, String study, String session) {
        dsl.insertInto(participation)
                .set(participantCampaign, campaignId)
                .set(worker, workerId)
                .set(prolificPid, prolific)
                .set(studyId, study)
                .set(sessionId, session)
                .onConflict(participantCampaign, worker)
                .doUpdate()
                .set(prolificPid, excluded(prolificPid))
                .set(studyId, excluded(studyId))
                .set(sessionId, excluded(sessionId))
                .execute();
    }

    @SuppressWarnings("unchecked") // the type is checked against the generated column's
    private static <T> Field<T> column(Table<?> table, String column, Class<T> type) {
        Field<?> field = table.field(column);
        if (field == null || !type.equals(field.getType())) {
            throw new IllegalArgumentException(
                    "Table " + table.getName() + " has no " + type.getSimpleName() + " column " + column + ".");
        }
        return (Field<T>) field;
    }
}
