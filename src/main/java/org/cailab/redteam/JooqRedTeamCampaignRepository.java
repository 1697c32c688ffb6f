package org.cailab.redteam;

import static org.cailab.db.jooq.Tables.REDTEAM_ATTEMPT;
import static org.cailab.db.jooq.Tables.REDTEAM_CAMPAIGN;
import static org.cailab.db.jooq.Tables.REDTEAM_PARTICIPATION;
import static org.cailab.db.jooq.Tables.REDTEAM_POOL_SNAPSHOT;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cailab.crowdwork.JooqCampaignStore;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** Red-team campaigns: the shared columns, pool and participants in {@link JooqCampaignStore}, the rest here. */
@Repository
class JooqRedTeamCampaignRepository extends JooqCampaignStore implements RedTeamCampaignRepository {

    private static final Field<Long> RATED = field(select(count().cast(Long.class))
                    .from(REDTEAM_ATTEMPT)
                    .where(REDTEAM_ATTEMPT
                            .CAMPAIGN_ID
                            .eq(REDTEAM_CAMPAIGN.ID)
                            .and(REDTEAM_ATTEMPT.STATUS.eq(AttemptStatus.RATED.name()))))
            .as("rated");

    JooqRedTeamCampaignRepository(DSLContext dsl) {
        super(dsl, REDTEAM_CAMPAIGN, REDTEAM_POOL_SNAPSHOT, REDTEAM_PARTICIPATION);
    }

    @Override
    public List<RedTeamCampaign> findAll() {
        return selectCampaigns(RATED)
                .orderBy(REDTEAM_CAMPAIGN.CREATED_AT.desc(), REDTEAM_CAMPAIGN.ID.desc())
                .fetch(this::toCampaign);
    }

    @Override
    public List<RedTeamCampaign> findOpen() {
        return selectCampaigns(RATED)
                .where(REDTEAM_CAMPAIGN.IS_OPEN)
                .orderBy(REDTEAM_CAMPAIGN.NAME)
                .fetch(this::toCampaign);
    }

    @Override
    public Optional<RedTeamCampaign> findById(long id) {
        return selectCampaigns(RATED).where(REDTEAM_CAMPAIGN.ID.eq(id)).fetchOptional(this::toCampaign);
    }

    @Override
    public RedTeamCampaign insert(RedTeamCampaignSettings s, String createdBy) {
        return findById(insert(s.basics(), ownColumns(s), createdBy)).orElseThrow();
    }

    @Override
    public boolean update(long id, int version, RedTeamCampaignSettings s) {
        return update(id, version, s.basics(), ownColumns(s));
    }

    private static Map<Field<?>, Object> ownColumns(RedTeamCampaignSettings s) {
        return Map.of(REDTEAM_CAMPAIGN.ASK_TASK_HARM, s.askTaskHarm());
    }

    private RedTeamCampaign toCampaign(Record r) {
        var c = r.into(REDTEAM_CAMPAIGN);
        return new RedTeamCampaign(
                c.getId(),
                c.getVersion(),
                new RedTeamCampaignSettings(basics(r), c.getAskTaskHarm()),
                r.get(RATED),
                c.getCreatedBy(),
                c.getCreatedAt());
    }
}
