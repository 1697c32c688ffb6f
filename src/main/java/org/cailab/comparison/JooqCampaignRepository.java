package org.cailab.comparison;

import static org.cailab.db.jooq.Tables.COMPARISON_CAMPAIGN;
import static org.cailab.db.jooq.Tables.COMPARISON_GOLD_ITEM;
import static org.cailab.db.jooq.Tables.COMPARISON_PARTICIPATION;
import static org.cailab.db.jooq.Tables.COMPARISON_POOL_SNAPSHOT;
import static org.cailab.db.jooq.Tables.COMPARISON_VOTE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectFrom;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

@Repository
class JooqCampaignRepository implements CampaignRepository {

    private static final Field<List<PoolSnapshot>> POOL = multiset(selectFrom(COMPARISON_POOL_SNAPSHOT)
                    .where(COMPARISON_POOL_SNAPSHOT.CAMPAIGN_ID.eq(COMPARISON_CAMPAIGN.ID))
                    .orderBy(COMPARISON_POOL_SNAPSHOT.SNAPSHOT_NAME, COMPARISON_POOL_SNAPSHOT.SNAPSHOT_ID))
            .as("pool")
            .convertFrom(
                    rows -> rows.map(p -> new PoolSnapshot(p.getSnapshotId(), p.getSnapshotName(), p.getWeight())));
    private static final Field<Integer> GOLD_ITEMS = field(selectCount()
                    .from(COMPARISON_GOLD_ITEM)
                    .where(COMPARISON_GOLD_ITEM.CAMPAIGN_ID.eq(COMPARISON_CAMPAIGN.ID)))
            .as("gold_items");
    private static final Field<Long> VOTES = field(select(count().cast(Long.class))
                    .from(COMPARISON_VOTE)
                    .where(COMPARISON_VOTE.CAMPAIGN_ID.eq(COMPARISON_CAMPAIGN.ID)))
            .as("votes");

    private final DSLContext dsl;

    JooqCampaignRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<Campaign> findAll() {
        return selectCampaigns().orderBy(COMPARISON_CAMPAIGN.CREATED_AT.desc()).fetch(this::toCampaign);
    }

    @Override
    public List<Campaign> findOpen() {
        return selectCampaigns()
                .where(COMPARISON_CAMPAIGN.IS_OPEN)
                .orderBy(COMPARISON_CAMPAIGN.NAME)
                .fetch(this::toCampaign);
    }

    @Override
    public boolean lockOpen(long id) {
        return Boolean.TRUE.equals(dsl.select(COMPARISON_CAMPAIGN.IS_OPEN)
                .from(COMPARISON_CAMPAIGN)
                .where(COMPARISON_CAMPAIGN.ID.eq(id))
                .forShare()
                .fetchOne(COMPARISON_CAMPAIGN.IS_OPEN));
    }

    @Override
    public Optional<Campaign> findById(long id) {
        return selectCampaigns().where(COMPARISON_CAMPAIGN.ID.eq(id)).fetchOptional(this::toCampaign);
    }

    @Override
    public Campaign insert(CampaignSettings s, String createdBy) {
        long id = dsl.insertInto(COMPARISON_CAMPAIGN)
                .set(settingsColumns(s))
                .set(COMPARISON_CAMPAIGN.CREATED_BY, createdBy)
                .returning(COMPARISON_CAMPAIGN.ID)
                .fetchSingle(COMPARISON_CAMPAIGN.ID);
        insertPool(id, s.pool());
        return findById(id).orElseThrow();
    }

    @Override
    public boolean update(long id, int version, CampaignSettings s) {
        int updated = dsl.update(COMPARISON_CAMPAIGN)
                .set(settingsColumns(s))
                .set(COMPARISON_CAMPAIGN.VERSION, COMPARISON_CAMPAIGN.VERSION.plus(1))
                .set(COMPARISON_CAMPAIGN.UPDATED_AT, currentOffsetDateTime())
                .where(COMPARISON_CAMPAIGN.ID.eq(id).and(COMPARISON_CAMPAIGN.VERSION.eq(version)))
                .execute();
        if (updated != 1) {
            return false;
        }
        dsl.deleteFrom(COMPARISON_POOL_SNAPSHOT)
                .where(COMPARISON_POOL_SNAPSHOT.CAMPAIGN_ID.eq(id))
                .execute();
        insertPool(id, s.pool());
        return true;
    }

    private void insertPool(long campaignId, List<PoolSnapshot> pool) {
        for (PoolSnapshot p : pool) {
            dsl.insertInto(COMPARISON_POOL_SNAPSHOT)
                    .set(COMPARISON_POOL_SNAPSHOT.CAMPAIGN_ID, campaignId)
                    .set(COMPARISON_POOL_SNAPSHOT.SNAPSHOT_ID, p.snapshotId())
                    .set(COMPARISON_POOL_SNAPSHOT.SNAPSHOT_NAME, p.name())
                    .set(COMPARISON_POOL_SNAPSHOT.WEIGHT, p.weight())
                    .execute();
        }
    }

    @Override
    public List<GoldItem> goldItems(long campaignId) {
        return dsl.selectFrom(COMPARISON_GOLD_ITEM)
                .where(COMPARISON_GOLD_ITEM.CAMPAIGN_ID.eq(campaignId))
                .orderBy(COMPARISON_GOLD_ITEM.ID)
                .fetch(JooqCampaignRepository::toGoldItem);
    }

    @Override
    public Optional<GoldItem> goldItem(long id) {
        return dsl.selectFrom(COMPARISON_GOLD_ITEM)
                .where(COMPARISON_GOLD_ITEM.ID.eq(id))
                .fetchOptional(JooqCampaignRepository::toGoldItem);
    }

    @Override
    public GoldItem insertGoldItem(long campaignId, NewGoldItem item) {
        return dsl.insertInto(COMPARISON_GOLD_ITEM)
                .set(COMPARISON_GOLD_ITEM.CAMPAIGN_ID, campaignId)
                .set(COMPARISON_GOLD_ITEM.PROMPT, item.prompt())
                .set(COMPARISON_GOLD_ITEM.BETTER_ANSWER, item.betterAnswer())
                .set(COMPARISON_GOLD_ITEM.WORSE_ANSWER, item.worseAnswer())
                .returning()
                .fetchSingle(JooqCampaignRepository::toGoldItem);
    }

    @Override
    public boolean deleteGoldItem(long campaignId, long goldItemId) {
        return dsl.deleteFrom(COMPARISON_GOLD_ITEM)
                        .where(COMPARISON_GOLD_ITEM
                                .ID
                                .eq(goldItemId)
                                .and(COMPARISON_GOLD_ITEM.CAMPAIGN_ID.eq(campaignId)))
                        .execute()
                == 1;
    }

    @Override
    public Participation lockParticipation(long campaignId, long workerId) {
        dsl.insertInto(COMPARISON_PARTICIPATION)
                .set(COMPARISON_PARTICIPATION.CAMPAIGN_ID, campaignId)
                .set(COMPARISON_PARTICIPATION.WORKER_ID, workerId)
                .onConflictDoNothing()
                .execute();
        return dsl.selectFrom(COMPARISON_PARTICIPATION)
                .where(COMPARISON_PARTICIPATION
                        .CAMPAIGN_ID
                        .eq(campaignId)
                        .and(COMPARISON_PARTICIPATION.WORKER_ID.eq(workerId)))
                .forUpdate()
                .fetchSingle(r -> new Participation(campaignId, workerId, r.getGuidelinesSeenAt() != null));
    }

    @Override
    public void markGuidelinesSeen(long campaignId, long workerId) {
        dsl.update(COMPARISON_PARTICIPATION)
                .set(
                        COMPARISON_PARTICIPATION.GUIDELINES_SEEN_AT,
                        coalesce(COMPARISON_PARTICIPATION.GUIDELINES_SEEN_AT, currentOffsetDateTime()))
                .where(COMPARISON_PARTICIPATION
                        .CAMPAIGN_ID
                        .eq(campaignId)
                        .and(COMPARISON_PARTICIPATION.WORKER_ID.eq(workerId)))
                .execute();
    }

    @Override
    public Optional<String> lockProlificSession(long campaignId, long workerId) {
        return dsl.select(COMPARISON_PARTICIPATION.SESSION_ID)
                .from(COMPARISON_PARTICIPATION)
                .where(COMPARISON_PARTICIPATION
                        .CAMPAIGN_ID
                        .eq(campaignId)
                        .and(COMPARISON_PARTICIPATION.WORKER_ID.eq(workerId)))
                .forUpdate()
                .fetchOptional()
                .map(org.jooq.Record1::value1);
    }

    @Override
    public void recordProlificIds(
            long campaignId, long workerId, String prolificPid, String studyId, String sessionId) {
        dsl.insertInto(COMPARISON_PARTICIPATION)
                .set(COMPARISON_PARTICIPATION.CAMPAIGN_ID, campaignId)
                .set(COMPARISON_PARTICIPATION.WORKER_ID, workerId)
                .set(COMPARISON_PARTICIPATION.PROLIFIC_PID, prolificPid)
                .set(COMPARISON_PARTICIPATION.STUDY_ID, studyId)
                .set(COMPARISON_PARTICIPATION.SESSION_ID, sessionId)
                .onConflict(COMPARISON_PARTICIPATION.CAMPAIGN_ID, COMPARISON_PARTICIPATION.WORKER_ID)
                .doUpdate()
                .set(COMPARISON_PARTICIPATION.PROLIFIC_PID, excluded(COMPARISON_PARTICIPATION.PROLIFIC_PID))
                .set(COMPARISON_PARTICIPATION.STUDY_ID, excluded(COMPARISON_PARTICIPATION.STUDY_ID))
                .set(COMPARISON_PARTICIPATION.SESSION_ID, excluded(COMPARISON_PARTICIPATION.SESSION_ID))
                .execute();
    }

    private org.jooq.SelectJoinStep<Record> selectCampaigns() {
        return dsl.select(COMPARISON_CAMPAIGN.asterisk(), POOL, GOLD_ITEMS, VOTES)
                .from(COMPARISON_CAMPAIGN);
    }

    private Campaign toCampaign(Record r) {
        var c = r.into(COMPARISON_CAMPAIGN);
        CampaignSettings settings = new CampaignSettings(
                c.getName(),
                ComparisonTask.valueOf(c.getTask()),
                c.getInstructions(),
                r.get(POOL),
                PairDrawing.valueOf(c.getPairDrawing()),
                c.getTurnLimit(),
                c.getAllowTie(),
                c.getAllowBothBad(),
                c.getStrengthLevels(),
                c.getQuotaPerWorker(),
                c.getGoldRate(),
                c.getIsOpen(),
                c.getCompletionCode());
        return new Campaign(
                c.getId(),
                c.getVersion(),
                settings,
                r.get(GOLD_ITEMS),
                r.get(VOTES),
                c.getCreatedBy(),
                c.getCreatedAt());
    }

    private static GoldItem toGoldItem(org.cailab.db.jooq.tables.records.ComparisonGoldItemRecord r) {
        return new GoldItem(r.getId(), r.getCampaignId(), r.getPrompt(), r.getBetterAnswer(), r.getWorseAnswer());
    }

    /** The columns that hold a campaign's settings, for both insert and update. */
    private static java.util.Map<org.jooq.Field<?>, Object> settingsColumns(CampaignSettings s) {
        java.util.Map<org.jooq.Field<?>, Object> columns = new java.util.LinkedHashMap<>();
        columns.put(COMPARISON_CAMPAIGN.NAME, s.name());
        columns.put(COMPARISON_CAMPAIGN.TASK, s.task().name());
        columns.put(COMPARISON_CAMPAIGN.INSTRUCTIONS, s.instructions());
        columns.put(COMPARISON_CAMPAIGN.PAIR_DRAWING, s.pairDrawing().name());
        columns.put(COMPARISON_CAMPAIGN.TURN_LIMIT, s.turnLimit());
        columns.put(COMPARISON_CAMPAIGN.ALLOW_TIE, s.allowTie());
        columns.put(COMPARISON_CAMPAIGN.ALLOW_BOTH_BAD, s.allowBothBad());
        columns.put(COMPARISON_CAMPAIGN.STRENGTH_LEVELS, s.strengthLevels());
        columns.put(COMPARISON_CAMPAIGN.QUOTA_PER_WORKER, s.quotaPerWorker());
        columns.put(COMPARISON_CAMPAIGN.GOLD_RATE, s.goldRate());
        columns.put(COMPARISON_CAMPAIGN.IS_OPEN, s.open());
        columns.put(COMPARISON_CAMPAIGN.COMPLETION_CODE, s.completionCode());
        return columns;
    }
}
