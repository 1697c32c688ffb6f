package org.cailab.comparison;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cailab.base.RandomSource;
import org.cailab.dialogue.Exchange;
import org.cailab.security.ActingAs;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The steps of a worker's conversation, run inside {@link ComparisonService}'s transactions after it has checked
 * the worker and taken the participation lock.
 */
final class WorkerTurns {

    /** A stored vote and the event announcing it. */
    /** A recorded vote, its event, and the conversation as the vote left it. */
    record Recorded(long voteId, VoteRecorded event, StoredConversation conversation) {}

    private final CampaignRepository campaigns;
    private final ConversationRepository conversations;
    private final AnswerGenerator generator;
    private final RandomSource random;
    private final ApplicationEventPublisher events;

    WorkerTurns(
            CampaignRepository campaigns,
            ConversationRepository conversations,
            AnswerGenerator generator,
            RandomSource random,
            ApplicationEventPublisher events) {
        this.random = random;
        this.events = events;
        this.campaigns = campaigns;
        this.conversations = conversations;
        this.generator = generator;
    }

    /** A new conversation; at the campaign's gold rate a gold check whose single comparison is ready at once. */
    StoredConversation startConversation(Campaign campaign, long workerId) {
        List<Long> goldIds =
                campaigns.goldItems(campaign.id()).stream().map(GoldItem::id).toList();
        Optional<GoldItem> gold = GoldMixer.pick(
                        campaign.settings().goldRate(),
                        goldIds,
                        conversations.answeredGoldItems(campaign.id(), workerId),
                        random.next())
                .flatMap(campaigns::goldItem);
        if (gold.isEmpty()) {
            return conversations.insertConversation(campaign.id(), workerId, null);
        }
        GoldItem item = gold.get();
        StoredConversation conversation = conversations.insertConversation(campaign.id(), workerId, item.id());
        Side better = random.next().nextBoolean() ? Side.A : Side.B;
        String answerA = better == Side.A ? item.betterAnswer() : item.worseAnswer();
        String answerB = better == Side.B ? item.betterAnswer() : item.worseAnswer();
        conversations.insertGoldTurn(
                conversation.id(), item.prompt(), Exchange.prompt(List.of(), item.prompt()), answerA, answerB, better);
        return conversation;
    }

    StoredTurn startTurn(Campaign campaign, StoredConversation conversation, String message) {
        CampaignSettings s = campaign.settings();
        if (conversation.gold() || conversations.pendingTurn(conversation.id()).isPresent()) {
            throw new ComparisonException("Please vote on the current answers first.");
        }
        if (conversation.votedTurns() >= s.turnLimit()) {
            throw new ComparisonException("This conversation has reached its limit of " + s.turnLimit()
                    + " turns. Start a new conversation.");
        }
        PairDrawer.Pair pair = PairDrawer.draw(s.pool(), s.pairDrawing(), random.next());
        String prompt = Exchange.prompt(conversations.exchanges(conversation.id()), message);
        StoredTurn turn = conversations.insertTurn(conversation.id(), conversation.votedTurns(), message, prompt, pair);
        // the answers start after the commit (AnswerGenerator.on), not at all when this rolls back
        events.publishEvent(new TurnAnswersRequested(turn.id(), ActingAs.currentUsername(), Instant.now()));
        return turn;
    }

    /** Restarts the answers of a turn stored as generating that no generation here is working on (after a restart). */
    void resumeIfStalled(StoredConversation conversation) {
        conversations.pendingTurn(conversation.id()).ifPresent(this::resumeIfStalled);
    }

    void resumeIfStalled(StoredTurn turn) {
        if (turn.status() == TurnStatus.GENERATING && !generator.isGenerating(turn.id())) {
            events.publishEvent(new TurnAnswersRequested(turn.id(), ActingAs.currentUsername(), Instant.now()));
        }
    }

    Recorded recordVote(
            Campaign campaign, StoredConversation conversation, StoredTurn turn, VoteRequest request, long workerId) {
        if (turn.status() == TurnStatus.GENERATING) {
            throw new ComparisonException("Please wait until both answers are complete.");
        }
        if (turn.status() != TurnStatus.READY || conversation.status() != ConversationStatus.ACTIVE) {
            throw new StaleTurnException("This comparison is no longer current (a new conversation was started, "
                    + "perhaps in another tab). Nothing was recorded.");
        }
        CampaignSettings s = campaign.settings();
        Choice choice = request.choice();
        if (choice == Choice.TIE && !s.allowTie()) {
            throw new ComparisonException("This campaign does not allow ties.");
        }
        if (choice == Choice.BOTH_BAD && !s.allowBothBad()) {
            throw new ComparisonException("This campaign does not allow \"both bad\".");
        }
        Integer strength = null;
        Integer levels = null;
        if (s.strengthLevels() != null && choice.preferredSide() != null) {
            strength = request.strength();
            levels = s.strengthLevels();
            if (strength == null || strength < 1 || strength > levels) {
                throw new ComparisonException("Choose how strong your preference is (1 to " + levels + ") first.");
            }
        }
        Side continued = choice.preferredSide() != null
                ? choice.preferredSide()
                : random.next().nextBoolean() ? Side.A : Side.B;
        Boolean goldCorrect = turn.gold() ? turn.goldBetterSide() == choice.preferredSide() : null;
        boolean leak = turn.leakA() || turn.leakB();
        NewVote vote = new NewVote(
                new NewVote.Origin(turn.id(), request.idempotencyKey(), campaign.id(), conversation.id(), workerId),
                new NewVote.Shown(
                        s.task(),
                        turn.prompt(),
                        new NewVote.ShownAnswer(
                                String.valueOf(turn.answerA()), turn.snapshotAId(), turn.snapshotAName()),
                        new NewVote.ShownAnswer(
                                String.valueOf(turn.answerB()), turn.snapshotBId(), turn.snapshotBName()),
                        java.util.Objects.requireNonNull(turn.answersShownAt())),
                new NewVote.Answer(choice, strength, levels, continued),
                new NewVote.Checks(conversation.goldItemId(), goldCorrect, leak));
        StoredVote stored = conversations
                .insertVote(vote)
                .orElseThrow(() -> new StaleTurnException(
                        "This comparison has already been voted on; the vote was recorded once."));
        conversations.markVoted(turn.id());
        boolean complete = conversation.gold() || conversation.votedTurns() + 1 >= s.turnLimit();
        StoredConversation after = conversations.countVotedTurn(conversation.id(), complete);
        return new Recorded(
                stored.id(),
                new VoteRecorded(
                        stored.id(),
                        campaign.id(),
                        s.task(),
                        turn.snapshotAId(),
                        turn.snapshotBId(),
                        Outcome.of(choice),
                        turn.gold(),
                        leak,
                        stored.votedAt()),
                after);
    }

    WorkerConversation view(Campaign campaign, StoredConversation conversation) {
        PendingComparison pending = conversation.status() == ConversationStatus.ACTIVE
                ? conversations
                        .pendingTurn(conversation.id())
                        .map(StoredTurn::pending)
                        .orElse(null)
                : null;
        return new WorkerConversation(
                conversation.id(),
                conversations.exchanges(conversation.id()),
                pending,
                conversation.gold() ? 1 : campaign.settings().turnLimit(),
                conversation.status() == ConversationStatus.COMPLETED);
    }
}
