package org.cailab.comparison;

import static org.cailab.db.jooq.Tables.COMPARISON_CAMPAIGN;
import static org.cailab.db.jooq.Tables.COMPARISON_CONVERSATION;
import static org.cailab.db.jooq.Tables.COMPARISON_TURN;
import static org.cailab.db.jooq.Tables.COMPARISON_VOTE;
import static org.cailab.db.jooq.Tables.COMPARISON_WORKER_EXCLUSION;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.percentileCont;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cailab.crowdwork.JooqTurnStore;
import org.cailab.crowdwork.TurnOwner;
import org.cailab.db.jooq.tables.records.ComparisonConversationRecord;
import org.cailab.db.jooq.tables.records.ComparisonTurnRecord;
import org.cailab.dialogue.Exchange;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class JooqConversationRepository implements ConversationRepository {

    private static final Set<String> PENDING = Set.of(TurnStatus.GENERATING.name(), TurnStatus.READY.name());

    private final DSLContext dsl;
    private final JooqTurnStore<ComparisonConversationRecord, ComparisonTurnRecord> store;

    JooqConversationRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.store = new JooqTurnStore<>(
                dsl,
                new JooqTurnStore.Items<>(
                        COMPARISON_CONVERSATION,
                        COMPARISON_CONVERSATION.ID,
                        COMPARISON_CONVERSATION.CAMPAIGN_ID,
                        COMPARISON_CONVERSATION.WORKER_ID,
                        COMPARISON_CONVERSATION.STATUS),
                new JooqTurnStore.Turns<>(
                        COMPARISON_TURN,
                        COMPARISON_TURN.ID,
                        COMPARISON_TURN.CONVERSATION_ID,
                        COMPARISON_TURN.TURN_INDEX,
                        COMPARISON_TURN.HUMAN_MESSAGE,
                        COMPARISON_TURN.PROMPT,
                        COMPARISON_TURN.STATUS,
                        COMPARISON_TURN.FAILURE));
    }

    @Override
    public Optional<StoredConversation> findActive(long campaignId, long workerId) {
        return store.findActive(campaignId, workerId).map(JooqConversationRepository::toConversation);
    }

    @Override
    public Optional<StoredConversation> findConversation(long id) {
        return dsl.selectFrom(COMPARISON_CONVERSATION)
                .where(COMPARISON_CONVERSATION.ID.eq(id))
                .fetchOptional(JooqConversationRepository::toConversation);
    }

    @Override
    public StoredConversation insertConversation(long campaignId, long workerId, @Nullable Long goldItemId) {
        return dsl.insertInto(COMPARISON_CONVERSATION)
                .set(COMPARISON_CONVERSATION.CAMPAIGN_ID, campaignId)
                .set(COMPARISON_CONVERSATION.WORKER_ID, workerId)
                .set(COMPARISON_CONVERSATION.GOLD_ITEM_ID, goldItemId)
                .set(COMPARISON_CONVERSATION.STATUS, ConversationStatus.ACTIVE.name())
                .returning()
                .fetchSingle(JooqConversationRepository::toConversation);
    }

    @Override
    public void setStatus(long conversationId, ConversationStatus status) {
        dsl.update(COMPARISON_CONVERSATION)
                .set(COMPARISON_CONVERSATION.STATUS, status.name())
                .set(COMPARISON_CONVERSATION.VERSION, COMPARISON_CONVERSATION.VERSION.plus(1))
                .set(COMPARISON_CONVERSATION.UPDATED_AT, currentOffsetDateTime())
                .where(COMPARISON_CONVERSATION.ID.eq(conversationId))
                .execute();
    }

    @Override
    public StoredConversation countVotedTurn(long conversationId, boolean complete) {
        return dsl.update(COMPARISON_CONVERSATION)
                .set(COMPARISON_CONVERSATION.VOTED_TURNS, COMPARISON_CONVERSATION.VOTED_TURNS.plus(1))
                .set(
                        COMPARISON_CONVERSATION.STATUS,
                        complete ? ConversationStatus.COMPLETED.name() : ConversationStatus.ACTIVE.name())
                .set(COMPARISON_CONVERSATION.VERSION, COMPARISON_CONVERSATION.VERSION.plus(1))
                .set(COMPARISON_CONVERSATION.UPDATED_AT, currentOffsetDateTime())
                .where(COMPARISON_CONVERSATION.ID.eq(conversationId))
                .returning()
                .fetchSingle(JooqConversationRepository::toConversation);
    }

    @Override
    public List<Exchange> exchanges(long conversationId) {
        return dsl.select(
                        COMPARISON_TURN.HUMAN_MESSAGE,
                        when(COMPARISON_VOTE.CONTINUED_SIDE.eq(Side.A.name()), COMPARISON_TURN.ANSWER_A)
                                .otherwise(COMPARISON_TURN.ANSWER_B))
                .from(COMPARISON_TURN)
                .join(COMPARISON_VOTE)
                .on(COMPARISON_VOTE.TURN_ID.eq(COMPARISON_TURN.ID))
                .where(COMPARISON_TURN.CONVERSATION_ID.eq(conversationId))
                .orderBy(COMPARISON_TURN.TURN_INDEX)
                .fetch(r -> new Exchange(r.value1(), r.value2()));
    }

    @Override
    public Optional<StoredTurn> pendingTurn(long conversationId) {
        return store.turnIn(conversationId, PENDING).map(JooqConversationRepository::toTurn);
    }

    @Override
    public Optional<StoredTurn> findTurn(long turnId) {
        return store.findTurn(turnId).map(JooqConversationRepository::toTurn);
    }

    @Override
    public Optional<StoredTurn> lockTurn(long turnId) {
        return store.lockTurn(turnId).map(JooqConversationRepository::toTurn);
    }

    @Override
    public Optional<TurnOwner> turnOwner(long turnId) {
        return store.turnOwner(turnId);
    }

    @Override
    public StoredTurn insertTurn(
            long conversationId, int index, String humanMessage, String prompt, PairDrawer.Pair pair) {
        return toTurn(store.insertTurn(
                conversationId,
                index,
                humanMessage,
                prompt,
                Map.of(
                        COMPARISON_TURN.SNAPSHOT_A_ID, pair.a().snapshotId(),
                        COMPARISON_TURN.SNAPSHOT_A_NAME, pair.a().name(),
                        COMPARISON_TURN.SNAPSHOT_B_ID, pair.b().snapshotId(),
                        COMPARISON_TURN.SNAPSHOT_B_NAME, pair.b().name())));
    }

    @Override
    public StoredTurn insertGoldTurn(
            long conversationId, String humanMessage, String prompt, String answerA, String answerB, Side betterSide) {
        return dsl.insertInto(COMPARISON_TURN)
                .set(COMPARISON_TURN.CONVERSATION_ID, conversationId)
                .set(COMPARISON_TURN.TURN_INDEX, 0)
                .set(COMPARISON_TURN.HUMAN_MESSAGE, humanMessage)
                .set(COMPARISON_TURN.PROMPT, prompt)
                .set(COMPARISON_TURN.STATUS, TurnStatus.READY.name())
                .set(COMPARISON_TURN.ANSWER_A, answerA)
                .set(COMPARISON_TURN.ANSWER_B, answerB)
                .set(COMPARISON_TURN.GOLD_BETTER_SIDE, betterSide.name())
                .set(COMPARISON_TURN.ANSWERS_SHOWN_AT, currentOffsetDateTime())
                .returning()
                .fetchSingle(JooqConversationRepository::toTurn);
    }

    @Override
    public boolean completeTurn(long turnId, String answerA, String answerB, boolean leakA, boolean leakB) {
        return dsl.update(COMPARISON_TURN)
                        .set(COMPARISON_TURN.STATUS, TurnStatus.READY.name())
                        .set(COMPARISON_TURN.ANSWER_A, answerA)
                        .set(COMPARISON_TURN.ANSWER_B, answerB)
                        .set(COMPARISON_TURN.LEAK_A, leakA)
                        .set(COMPARISON_TURN.LEAK_B, leakB)
                        .set(COMPARISON_TURN.ANSWERS_SHOWN_AT, currentOffsetDateTime())
                        .where(COMPARISON_TURN
                                .ID
                                .eq(turnId)
                                .and(COMPARISON_TURN.STATUS.eq(TurnStatus.GENERATING.name())))
                        .execute()
                == 1;
    }

    @Override
    public boolean failTurn(long turnId, String reason) {
        return store.failTurn(turnId, reason);
    }

    @Override
    public void abandonPendingTurns(long conversationId) {
        dsl.update(COMPARISON_TURN)
                .set(COMPARISON_TURN.STATUS, TurnStatus.ABANDONED.name())
                .where(COMPARISON_TURN.CONVERSATION_ID.eq(conversationId).and(COMPARISON_TURN.STATUS.in(PENDING)))
                .execute();
    }

    @Override
    public void markVoted(long turnId) {
        dsl.update(COMPARISON_TURN)
                .set(COMPARISON_TURN.STATUS, TurnStatus.VOTED.name())
                .where(COMPARISON_TURN.ID.eq(turnId))
                .execute();
    }

    @Override
    public Optional<StoredVote> voteForTurn(long turnId) {
        return dsl.select(
                        COMPARISON_VOTE.ID,
                        COMPARISON_VOTE.TURN_ID,
                        COMPARISON_VOTE.IDEMPOTENCY_KEY,
                        COMPARISON_VOTE.VOTED_AT)
                .from(COMPARISON_VOTE)
                .where(COMPARISON_VOTE.TURN_ID.eq(turnId))
                .fetchOptional(r -> new StoredVote(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    @Override
    public Optional<StoredVote> insertVote(NewVote v) {
        NewVote.Origin origin = v.origin();
        NewVote.Shown shown = v.shown();
        NewVote.Answer answer = v.answer();
        NewVote.Checks checks = v.checks();
        return dsl.insertInto(COMPARISON_VOTE)
                .set(COMPARISON_VOTE.TURN_ID, origin.turnId())
                .set(COMPARISON_VOTE.IDEMPOTENCY_KEY, origin.idempotencyKey())
                .set(COMPARISON_VOTE.CAMPAIGN_ID, origin.campaignId())
                .set(COMPARISON_VOTE.CONVERSATION_ID, origin.conversationId())
                .set(COMPARISON_VOTE.WORKER_ID, origin.workerId())
                .set(COMPARISON_VOTE.TASK, shown.task().name())
                .set(COMPARISON_VOTE.CONVERSATION, shown.conversation())
                .set(COMPARISON_VOTE.ANSWER_A, shown.a().text())
                .set(COMPARISON_VOTE.ANSWER_B, shown.b().text())
                .set(COMPARISON_VOTE.SNAPSHOT_A_ID, shown.a().snapshotId())
                .set(COMPARISON_VOTE.SNAPSHOT_A_NAME, shown.a().snapshotName())
                .set(COMPARISON_VOTE.SNAPSHOT_B_ID, shown.b().snapshotId())
                .set(COMPARISON_VOTE.SNAPSHOT_B_NAME, shown.b().snapshotName())
                .set(COMPARISON_VOTE.CHOICE, choiceCode(answer.choice()))
                .set(COMPARISON_VOTE.STRENGTH, answer.strength())
                .set(COMPARISON_VOTE.STRENGTH_LEVELS, answer.strengthLevels())
                .set(COMPARISON_VOTE.CONTINUED_SIDE, answer.continuedSide().name())
                .set(COMPARISON_VOTE.GOLD_ITEM_ID, checks.goldItemId())
                .set(COMPARISON_VOTE.GOLD_CORRECT, checks.goldCorrect())
                .set(COMPARISON_VOTE.IDENTITY_LEAK, checks.identityLeak())
                .set(COMPARISON_VOTE.SHOWN_AT, shown.shownAt())
                .set(COMPARISON_VOTE.VOTED_AT, currentOffsetDateTime())
                // both ends of the timing come from the database clock
                .set(
                        COMPARISON_VOTE.TIME_TO_VOTE_MS,
                        field(
                                "greatest(0, floor(extract(epoch from (now() - {0})) * 1000))::bigint",
                                SQLDataType.BIGINT, val(shown.shownAt())))
                .onConflict(COMPARISON_VOTE.TURN_ID)
                .doNothing()
                .returning(
                        COMPARISON_VOTE.ID,
                        COMPARISON_VOTE.TURN_ID,
                        COMPARISON_VOTE.IDEMPOTENCY_KEY,
                        COMPARISON_VOTE.VOTED_AT)
                .fetchOptional(r -> new StoredVote(r.getId(), r.getTurnId(), r.getIdempotencyKey(), r.getVotedAt()));
    }

    @Override
    public int countVotes(long campaignId, long workerId) {
        return dsl.fetchCount(
                COMPARISON_VOTE,
                COMPARISON_VOTE.CAMPAIGN_ID.eq(campaignId).and(COMPARISON_VOTE.WORKER_ID.eq(workerId)));
    }

    @Override
    public Set<Long> answeredGoldItems(long campaignId, long workerId) {
        return new HashSet<>(dsl.select(COMPARISON_CONVERSATION.GOLD_ITEM_ID)
                .from(COMPARISON_CONVERSATION)
                .where(COMPARISON_CONVERSATION
                        .CAMPAIGN_ID
                        .eq(campaignId)
                        .and(COMPARISON_CONVERSATION.WORKER_ID.eq(workerId))
                        .and(COMPARISON_CONVERSATION.GOLD_ITEM_ID.isNotNull()))
                .fetch(COMPARISON_CONVERSATION.GOLD_ITEM_ID));
    }

    @Override
    public List<RatingVote> ratingVotes(ComparisonTask task, RatingFilter filter) {
        Condition condition = COMPARISON_VOTE
                .TASK
                .eq(task.name())
                .and(COMPARISON_VOTE.SNAPSHOT_A_ID.isNotNull())
                .and(COMPARISON_VOTE.SNAPSHOT_B_ID.isNotNull())
                .and(filter.includeIdentityLeaks() ? noCondition() : not(COMPARISON_VOTE.IDENTITY_LEAK))
                .and(
                        filter.includeExcludedWorkers()
                                ? noCondition()
                                : not(exists(selectOne()
                                        .from(COMPARISON_WORKER_EXCLUSION)
                                        .where(COMPARISON_WORKER_EXCLUSION.WORKER_ID.eq(COMPARISON_VOTE.WORKER_ID)))));
        return dsl.select(
                        COMPARISON_VOTE.ID,
                        COMPARISON_VOTE.CAMPAIGN_ID,
                        COMPARISON_CAMPAIGN.NAME,
                        COMPARISON_VOTE.SNAPSHOT_A_ID,
                        COMPARISON_VOTE.SNAPSHOT_A_NAME,
                        COMPARISON_VOTE.SNAPSHOT_B_ID,
                        COMPARISON_VOTE.SNAPSHOT_B_NAME,
                        COMPARISON_VOTE.CHOICE,
                        COMPARISON_VOTE.STRENGTH,
                        COMPARISON_VOTE.STRENGTH_LEVELS,
                        COMPARISON_VOTE.VOTED_AT)
                .from(COMPARISON_VOTE)
                .join(COMPARISON_CAMPAIGN)
                .on(COMPARISON_CAMPAIGN.ID.eq(COMPARISON_VOTE.CAMPAIGN_ID))
                .where(condition)
                .orderBy(COMPARISON_VOTE.VOTED_AT, COMPARISON_VOTE.ID)
                .fetch(r -> new RatingVote(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6(),
                        r.value7(),
                        Outcome.of(choiceOf(r.value8())),
                        r.value9(),
                        r.value10(),
                        r.value11()));
    }

    @Override
    public List<PairVote> pairVotes(RatingFilter filter) {
        Condition condition = COMPARISON_VOTE
                .SNAPSHOT_A_ID
                .isNotNull()
                .and(COMPARISON_VOTE.SNAPSHOT_B_ID.isNotNull())
                .and(filter.includeIdentityLeaks() ? noCondition() : not(COMPARISON_VOTE.IDENTITY_LEAK))
                .and(
                        filter.includeExcludedWorkers()
                                ? noCondition()
                                : not(exists(selectOne()
                                        .from(COMPARISON_WORKER_EXCLUSION)
                                        .where(COMPARISON_WORKER_EXCLUSION.WORKER_ID.eq(COMPARISON_VOTE.WORKER_ID)))));
        return dsl.select(
                        COMPARISON_VOTE.ID,
                        COMPARISON_VOTE.CAMPAIGN_ID,
                        COMPARISON_CAMPAIGN.NAME,
                        COMPARISON_VOTE.TASK,
                        COMPARISON_VOTE.CONVERSATION,
                        COMPARISON_VOTE.ANSWER_A,
                        COMPARISON_VOTE.ANSWER_B,
                        COMPARISON_VOTE.CHOICE)
                .from(COMPARISON_VOTE)
                .join(COMPARISON_CAMPAIGN)
                .on(COMPARISON_CAMPAIGN.ID.eq(COMPARISON_VOTE.CAMPAIGN_ID))
                .where(condition)
                .orderBy(COMPARISON_VOTE.ID)
                .fetch(r -> new PairVote(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        ComparisonTask.valueOf(r.value4()),
                        r.value5(),
                        r.value6(),
                        r.value7(),
                        choiceOf(r.value8())));
    }

    @Override
    public List<QualityRow> quality(@Nullable Long campaignId, long fastVoteMillis) {
        var decisive = COMPARISON_VOTE.CHOICE.in(choiceCode(Choice.A_BETTER), choiceCode(Choice.B_BETTER));
        return dsl.select(
                        COMPARISON_VOTE.WORKER_ID,
                        count(),
                        percentileCont(0.5).withinGroupOrderBy(COMPARISON_VOTE.TIME_TO_VOTE_MS),
                        count().filterWhere(COMPARISON_VOTE.GOLD_CORRECT.isNotNull()),
                        count().filterWhere(COMPARISON_VOTE.GOLD_CORRECT.isTrue()),
                        count().filterWhere(decisive),
                        count().filterWhere(COMPARISON_VOTE.CHOICE.eq(choiceCode(Choice.A_BETTER))),
                        count().filterWhere(COMPARISON_VOTE.IDENTITY_LEAK),
                        count().filterWhere(COMPARISON_VOTE.TIME_TO_VOTE_MS.lt(fastVoteMillis)))
                .from(COMPARISON_VOTE)
                .where(campaignId == null ? noCondition() : COMPARISON_VOTE.CAMPAIGN_ID.eq(campaignId))
                .groupBy(COMPARISON_VOTE.WORKER_ID)
                .fetch(r -> new QualityRow(
                        r.value1(),
                        r.value2(),
                        r.value3() == null ? null : r.value3().doubleValue(),
                        r.value4(),
                        r.value5(),
                        r.value6(),
                        r.value7(),
                        r.value8(),
                        r.value9()));
    }

    @Override
    public Set<Long> excludedWorkers() {
        return new HashSet<>(dsl.select(COMPARISON_WORKER_EXCLUSION.WORKER_ID)
                .from(COMPARISON_WORKER_EXCLUSION)
                .fetch(COMPARISON_WORKER_EXCLUSION.WORKER_ID));
    }

    @Override
    public boolean exclude(long workerId, String excludedBy) {
        return dsl.insertInto(COMPARISON_WORKER_EXCLUSION)
                        .set(COMPARISON_WORKER_EXCLUSION.WORKER_ID, workerId)
                        .set(COMPARISON_WORKER_EXCLUSION.EXCLUDED_BY, excludedBy)
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    @Override
    public boolean include(long workerId) {
        return dsl.deleteFrom(COMPARISON_WORKER_EXCLUSION)
                        .where(COMPARISON_WORKER_EXCLUSION.WORKER_ID.eq(workerId))
                        .execute()
                == 1;
    }

    /** The database keeps the short codes A, B, TIE, BOTH_BAD that analysis scripts expect. */
    static String choiceCode(Choice choice) {
        return switch (choice) {
            case A_BETTER -> "A";
            case B_BETTER -> "B";
            case TIE -> "TIE";
            case BOTH_BAD -> "BOTH_BAD";
        };
    }

    static Choice choiceOf(String code) {
        return switch (code) {
            case "A" -> Choice.A_BETTER;
            case "B" -> Choice.B_BETTER;
            case "TIE" -> Choice.TIE;
            case "BOTH_BAD" -> Choice.BOTH_BAD;
            default -> throw new IllegalStateException("Unknown choice " + code);
        };
    }

    private static StoredConversation toConversation(ComparisonConversationRecord r) {
        return new StoredConversation(
                r.getId(),
                r.getCampaignId(),
                r.getWorkerId(),
                r.getGoldItemId(),
                ConversationStatus.valueOf(r.getStatus()),
                r.getVotedTurns());
    }

    private static StoredTurn toTurn(ComparisonTurnRecord r) {
        return new StoredTurn(
                r.getId(),
                r.getConversationId(),
                r.getTurnIndex(),
                r.getHumanMessage(),
                r.getPrompt(),
                TurnStatus.valueOf(r.getStatus()),
                r.getSnapshotAId(),
                r.getSnapshotAName(),
                r.getSnapshotBId(),
                r.getSnapshotBName(),
                r.getAnswerA(),
                r.getAnswerB(),
                r.getLeakA(),
                r.getLeakB(),
                r.getGoldBetterSide() == null ? null : Side.valueOf(r.getGoldBetterSide()),
                r.getAnswersShownAt());
    }
}
