package org.cailab.comparison;

import static org.cailab.db.jooq.Tables.COMPARISON_CAMPAIGN;
import static org.cailab.db.jooq.Tables.COMPARISON_GOLD_ITEM;
import static org.cailab.db.jooq.Tables.COMPARISON_PARTICIPATION;
import static org.cailab.db.jooq.Tables.COMPARISON_POOL_SNAPSHOT;
import static org.cailab.db.jooq.Tables.COMPARISON_VOTE;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cailab.crowdwork.JooqCampaignStore;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** Comparison campaigns: the shared columns, pool and participants in {@link JooqCampaignStore}, gold items here. */
@Repository
class JooqCampaignRepository extends JooqCampaignStore implements CampaignRepository {

    private static final Field<Integer> GOLD_ITEMS = field(selectCount()
                    .from(COMPARISON_GOLD_ITEM)
                    .where(COMPARISON_GOLD_ITEM.CAMPAIGN_ID.eq(COMPARISON_CAMPAIGN.ID)))
            .as("gold_items");
    private static final Field<Long> VOTES = field(select(count().cast(Long.class))
                    .from(COMPARISON_VOTE)
                    .where(COMPARISON_VOTE.CAMPAIGN_ID.eq(COMPARISON_CAMPAIGN.ID)))
            .as("votes");

    JooqCampaignRepository(DSLContext dsl) {
        super(dsl, COMPARISON_CAMPAIGN, COMPARISON_POOL_SNAPSHOT, COMPARISON_PARTICIPATION);
    }

    @Override
    public List<Campaign> findAll() {
        return selectCampaigns(GOLD_ITEMS, VOTES)
                .orderBy(COMPARISON_CAMPAIGN.CREATED_AT.desc())
                .fetch(this::toCampaign);
    }

    @Override
    public List<Campaign> findOpen() {
        return selectCampaigns(GOLD_ITEMS, VOTES)
                .where(COMPARISON_CAMPAIGN.IS_OPEN)
                .orderBy(COMPARISON_CAMPAIGN.NAME)
                .fetch(this::toCampaign);
    }

    @Override
    public Optional<Campaign> findById(long id) {
        return selectCampaigns(GOLD_ITEMS, VOTES)
                .where(COMPARISON_CAMPAIGN.ID.eq(id))
                .fetchOptional(this::toCampaign);
    }

    @Override
    public Campaign insert(CampaignSettings s, String createdBy) {
        return findById(insert(s.basics(), ownColumns(s.rules()), createdBy)).orElseThrow();
    }

    @Override
    public boolean update(long id, int version, CampaignSettings s) {
        return update(id, version, s.basics(), ownColumns(s.rules()));
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

    private Campaign toCampaign(Record r) {
        var c = r.into(COMPARISON_CAMPAIGN);
        CampaignSettings.Rules rules = new CampaignSettings.Rules(
                ComparisonTask.valueOf(c.getTask()),
                PairDrawing.valueOf(c.getPairDrawing()),
                c.getAllowTie(),
                c.getAllowBothBad(),
                c.getStrengthLevels(),
                c.getGoldRate());
        return new Campaign(
                c.getId(),
                c.getVersion(),
                new CampaignSettings(basics(r), rules),
                r.get(GOLD_ITEMS),
                r.get(VOTES),
                c.getCreatedBy(),
                c.getCreatedAt());
    }

    private static GoldItem toGoldItem(org.cailab.db.jooq.tables.records.ComparisonGoldItemRecord r) {
        return new GoldItem(r.getId(), r.getCampaignId(), r.getPrompt(), r.getBetterAnswer(), r.getWorseAnswer());
    }

    /** The columns of the comparison's own settings, for both insert and update. */
    private static Map<Field<?>, Object> ownColumns(CampaignSettings.Rules rules) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(COMPARISON_CAMPAIGN.TASK, rules.task().name());
        columns.put(COMPARISON_CAMPAIGN.PAIR_DRAWING, rules.pairDrawing().name());
        columns.put(COMPARISON_CAMPAIGN.ALLOW_TIE, rules.allowTie());
        columns.put(COMPARISON_CAMPAIGN.ALLOW_BOTH_BAD, rules.allowBothBad());
        columns.put(COMPARISON_CAMPAIGN.STRENGTH_LEVELS, rules.strengthLevels());
        columns.put(COMPARISON_CAMPAIGN.GOLD_RATE, rules.goldRate());
        return columns;
    }
}
