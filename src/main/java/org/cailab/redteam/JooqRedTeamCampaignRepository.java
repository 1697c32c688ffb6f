package org.cailab.redteam;

import static org.cailab.db.jooq.Tables.REDTEAM_ATTEMPT;
import static org.cailab.db.jooq.Tables.REDTEAM_CAMPAIGN;
import static org.cailab.db.jooq.Tables.REDTEAM_PARTICIPATION;
import static org.cailab.db.jooq.Tables.REDTEAM_POOL_SNAPSHOT;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectFrom;

import java.util.List;
import java.util.Optional;
import org.cailab.comparison.PoolSnapshot;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.springframework.stereotype.Repository;

@Repository
class JooqRedTeamCampaignRepository implements RedTeamCampaignRepository {

    private static final Field<List<PoolSnapshot>> POOL = multiset(selectFrom(REDTEAM_POOL_SNAPSHOT)
                    .where(REDTEAM_POOL_SNAPSHOT.CAMPAIGN_ID.eq(REDTEAM_CAMPAIGN.ID))
                    .orderBy(REDTEAM_POOL_SNAPSHOT.SNAPSHOT_NAME, REDTEAM_POOL_SNAPSHOT.SNAPSHOT_ID))
            .as("pool")
            .convertFrom(
                    rows -> rows.map(p -> new PoolSnapshot(p.getSnapshotId(), p.getSnapshotName(), p.getWeight())));
    private static final Field<Long> RATED = field(select(count().cast(Long.class))
                    .from(REDTEAM_ATTEMPT)
                    .where(REDTEAM_ATTEMPT
                            .CAMPAIGN_ID
                            .eq(REDTEAM_CAMPAIGN.ID)
                            .and(REDTEAM_ATTEMPT.STATUS.eq(AttemptStatus.RATED.name()))))
            .as("rated");

    private final DSLContext dsl;

    JooqRedTeamCampaignRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<RedTeamCampaign> findAll() {
        return selectCampaigns()
                .orderBy(REDTEAM_CAMPAIGN.CREATED_AT.desc(), REDTEAM_CAMPAIGN.ID.desc())
                .fetch(JooqRedTeamCampaignRepository::toCampaign);
    }

    @Override
    public List<RedTeamCampaign> findOpen() {
        return selectCampaigns()
                .where(REDTEAM_CAMPAIGN.IS_OPEN)
                .orderBy(REDTEAM_CAMPAIGN.NAME)
                .fetch(JooqRedTeamCampaignRepository::toCampaign);
    }

    @Override
    public boolean lockOpen(long id) {
        return Boolean.TRUE.equals(dsl.select(REDTEAM_CAMPAIGN.IS_OPEN)
                .from(REDTEAM_CAMPAIGN)
                .where(REDTEAM_CAMPAIGN.ID.eq(id))
                .forShare()
                .fetchOne(REDTEAM_CAMPAIGN.IS_OPEN));
    }

    @Override
    public Optional<RedTeamCampaign> findById(long id) {
        return selectCampaigns()
                .where(REDTEAM_CAMPAIGN.ID.eq(id))
                .fetchOptional(JooqRedTeamCampaignRepository::toCampaign);
    }

    @Override
    public RedTeamCampaign insert(RedTeamCampaignSettings s, String createdBy) {
        long id = dsl.insertInto(REDTEAM_CAMPAIGN)
                .set(REDTEAM_CAMPAIGN.NAME, s.name())
                .set(REDTEAM_CAMPAIGN.INSTRUCTIONS, s.instructions())
                .set(REDTEAM_CAMPAIGN.TURN_LIMIT, s.turnLimit())
                .set(REDTEAM_CAMPAIGN.QUOTA_PER_WORKER, s.quotaPerWorker())
                .set(REDTEAM_CAMPAIGN.ASK_TASK_HARM, s.askTaskHarm())
                .set(REDTEAM_CAMPAIGN.IS_OPEN, s.open())
                .set(REDTEAM_CAMPAIGN.COMPLETION_CODE, s.completionCode())
                .set(REDTEAM_CAMPAIGN.CREATED_BY, createdBy)
                .returning(REDTEAM_CAMPAIGN.ID)
                .fetchSingle(REDTEAM_CAMPAIGN.ID);
        insertPool(id, s.pool());
        return findById(id).orElseThrow();
    }

    @Override
    public boolean update(long id, int version, RedTeamCampaignSettings s) {
        int updated = dsl.update(REDTEAM_CAMPAIGN)
                .set(REDTEAM_CAMPAIGN.NAME, s.name())
                .set(REDTEAM_CAMPAIGN.INSTRUCTIONS, s.instructions())
                .set(REDTEAM_CAMPAIGN.TURN_LIMIT, s.turnLimit())
                .set(REDTEAM_CAMPAIGN.QUOTA_PER_WORKER, s.quotaPerWorker())
                .set(REDTEAM_CAMPAIGN.ASK_TASK_HARM, s.askTaskHarm())
                .set(REDTEAM_CAMPAIGN.IS_OPEN, s.open())
                .set(REDTEAM_CAMPAIGN.COMPLETION_CODE, s.completionCode())
                .set(REDTEAM_CAMPAIGN.VERSION, REDTEAM_CAMPAIGN.VERSION.plus(1))
                .set(REDTEAM_CAMPAIGN.UPDATED_AT, currentOffsetDateTime())
                .where(REDTEAM_CAMPAIGN.ID.eq(id).and(REDTEAM_CAMPAIGN.VERSION.eq(version)))
                .execute();
        if (updated != 1) {
            return false;
        }
        dsl.deleteFrom(REDTEAM_POOL_SNAPSHOT)
                .where(REDTEAM_POOL_SNAPSHOT.CAMPAIGN_ID.eq(id))
                .execute();
        insertPool(id, s.pool());
        return true;
    }

    private void insertPool(long campaignId, List<PoolSnapshot> pool) {
        for (PoolSnapshot p : pool) {
            dsl.insertInto(REDTEAM_POOL_SNAPSHOT)
                    .set(REDTEAM_POOL_SNAPSHOT.CAMPAIGN_ID, campaignId)
                    .set(REDTEAM_POOL_SNAPSHOT.SNAPSHOT_ID, p.snapshotId())
                    .set(REDTEAM_POOL_SNAPSHOT.SNAPSHOT_NAME, p.name())
                    .set(REDTEAM_POOL_SNAPSHOT.WEIGHT, p.weight())
                    .execute();
        }
    }

    @Override
    public Participation lockParticipation(long campaignId, long workerId) {
        dsl.insertInto(REDTEAM_PARTICIPATION)
                .set(REDTEAM_PARTICIPATION.CAMPAIGN_ID, campaignId)
                .set(REDTEAM_PARTICIPATION.WORKER_ID, workerId)
                .onConflictDoNothing()
                .execute();
        return dsl.selectFrom(REDTEAM_PARTICIPATION)
                .where(REDTEAM_PARTICIPATION
                        .CAMPAIGN_ID
                        .eq(campaignId)
                        .and(REDTEAM_PARTICIPATION.WORKER_ID.eq(workerId)))
                .forUpdate()
                .fetchSingle(r -> new Participation(campaignId, workerId, r.getGuidelinesSeenAt() != null));
    }

    @Override
    public void markGuidelinesSeen(long campaignId, long workerId) {
        dsl.update(REDTEAM_PARTICIPATION)
                .set(
                        REDTEAM_PARTICIPATION.GUIDELINES_SEEN_AT,
                        coalesce(REDTEAM_PARTICIPATION.GUIDELINES_SEEN_AT, currentOffsetDateTime()))
                .where(REDTEAM_PARTICIPATION
                        .CAMPAIGN_ID
                        .eq(campaignId)
                        .and(REDTEAM_PARTICIPATION.WORKER_ID.eq(workerId)))
                .execute();
    }

    @Override
    public Optional<String> lockProlificSession(long campaignId, long workerId) {
        return dsl.select(REDTEAM_PARTICIPATION.SESSION_ID)
                .from(REDTEAM_PARTICIPATION)
                .where(REDTEAM_PARTICIPATION
                        .CAMPAIGN_ID
                        .eq(campaignId)
                        .and(REDTEAM_PARTICIPATION.WORKER_ID.eq(workerId)))
                .forUpdate()
                .fetchOptional()
                .map(org.jooq.Record1::value1);
    }

    @Override
    public void recordProlificIds(
            long campaignId, long workerId, String prolificPid, String studyId, String sessionId) {
        dsl.insertInto(REDTEAM_PARTICIPATION)
                .set(REDTEAM_PARTICIPATION.CAMPAIGN_ID, campaignId)
                .set(REDTEAM_PARTICIPATION.WORKER_ID, workerId)
                .set(REDTEAM_PARTICIPATION.PROLIFIC_PID, prolificPid)
                .set(REDTEAM_PARTICIPATION.STUDY_ID, studyId)
                .set(REDTEAM_PARTICIPATION.SESSION_ID, sessionId)
                .onConflict(REDTEAM_PARTICIPATION.CAMPAIGN_ID, REDTEAM_PARTICIPATION.WORKER_ID)
                .doUpdate()
                .set(REDTEAM_PARTICIPATION.PROLIFIC_PID, excluded(REDTEAM_PARTICIPATION.PROLIFIC_PID))
                .set(REDTEAM_PARTICIPATION.STUDY_ID, excluded(REDTEAM_PARTICIPATION.STUDY_ID))
                .set(REDTEAM_PARTICIPATION.SESSION_ID, excluded(REDTEAM_PARTICIPATION.SESSION_ID))
                .execute();
    }

    private SelectJoinStep<Record> selectCampaigns() {
        return dsl.select(REDTEAM_CAMPAIGN.asterisk(), POOL, RATED).from(REDTEAM_CAMPAIGN);
    }

    private static RedTeamCampaign toCampaign(Record r) {
        var c = r.into(REDTEAM_CAMPAIGN);
        RedTeamCampaignSettings settings = new RedTeamCampaignSettings(
                c.getName(),
                c.getInstructions(),
                r.get(POOL),
                c.getTurnLimit(),
                c.getQuotaPerWorker(),
                c.getAskTaskHarm(),
                c.getIsOpen(),
                c.getCompletionCode());
        return new RedTeamCampaign(
                c.getId(), c.getVersion(), settings, r.get(RATED), c.getCreatedBy(), c.getCreatedAt());
    }
}
