package org.cailab.comparison;

import java.util.List;
import java.util.Optional;
import org.cailab.base.RandomSource;
import org.cailab.crowdwork.LiveFollow;
import org.cailab.crowdwork.Participation;
import org.cailab.crowdwork.TurnOwner;
import org.cailab.crowdwork.WorkerCampaigns;
import org.cailab.security.UserAccount;
import org.cailab.security.UserService;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The worker's side of a campaign and the votes it produces. Every request of one worker in one campaign runs
 * under a lock on their participation, so two tabs, a double click or a retried request cannot interleave: a
 * turn gets at most one vote (also guarded by a unique constraint), a retry with the same idempotency key gets
 * the first vote's receipt, and a vote for a turn that is no longer current is refused.
 * Workers only ever see their own conversations and never which models answered.
 */
@Service
@Transactional
public class ComparisonService {

    static final int MAX_MESSAGE_LENGTH = 4000;

    private final CampaignRepository campaigns;
    private final ConversationRepository conversations;
    private final AnswerGenerator generator;
    private final ApplicationEventPublisher events;
    private final WorkerTurns turns;
    private final WorkerCampaigns<Campaign, CampaignSettings> workerCampaigns;

    ComparisonService(
            CampaignRepository campaigns,
            ConversationRepository conversations,
            AnswerGenerator generator,
            UserService users,
            ApplicationEventPublisher events,
            RandomSource random) {
        this.campaigns = campaigns;
        this.conversations = conversations;
        this.generator = generator;
        this.events = events;
        this.turns = new WorkerTurns(campaigns, conversations, generator, random, events);
        this.workerCampaigns = new WorkerCampaigns<>(
                campaigns, users, ComparisonStudyCampaigns.KIND, "campaign", ComparisonException::new);
    }

    /** The open campaigns with the worker's progress in each. */
    @PreAuthorize("hasRole('WORKER')")
    @Transactional(readOnly = true)
    public List<OpenCampaign> openCampaigns() {
        long me = me().id();
        return workerCampaigns.open().stream()
                .map(c -> new OpenCampaign(
                        c.id(),
                        c.name(),
                        c.settings().task(),
                        conversations.countVotes(c.id(), me),
                        c.settings().quotaPerWorker()))
                .toList();
    }

    /**
     * The worker's page for a campaign: their active conversation (a new one when they have none), or only the
     * completion code once the quota is met, or nothing while the campaign is closed.
     */
    @PreAuthorize("hasRole('WORKER')")
    public ComparisonState open(long campaignId) {
        UserAccount me = me();
        Campaign campaign = campaign(campaignId);
        Participation participation = campaigns.lockParticipation(campaignId, me.id());
        StoredConversation conversation = null;
        if (canContinue(campaign, me.id())) {
            conversation = conversations
                    .findActive(campaignId, me.id())
                    .orElseGet(() -> turns.startConversation(campaign, me.id()));
            turns.resumeIfStalled(conversation);
        }
        return state(campaign, me.id(), participation.guidelinesSeen(), conversation);
    }

    /** Records that the worker has read the guidelines, so that they are not shown automatically again. */
    @PreAuthorize("hasRole('WORKER')")
    public void acknowledgeGuidelines(long campaignId) {
        workerCampaigns.acknowledgeGuidelines(campaignId);
    }

    /**
     * Leaves the current conversation (an unvoted comparison in it is dropped) and starts a new one. A gold check
     * cannot be skipped this way, and an untouched conversation is kept as it is.
     */
    @PreAuthorize("hasRole('WORKER')")
    public ComparisonState newConversation(long campaignId) {
        UserAccount me = me();
        Campaign campaign = openCampaign(campaignId);
        Participation participation = campaigns.lockParticipation(campaignId, me.id());
        if (!canContinue(campaign, me.id())) {
            throw new ComparisonException("You have completed this campaign.");
        }
        StoredConversation conversation =
                conversations.findActive(campaignId, me.id()).orElse(null);
        if (conversation != null) {
            boolean pending = conversations.pendingTurn(conversation.id()).isPresent();
            if (conversation.gold() && pending) {
                throw new ComparisonException("Please answer the current comparison first.");
            }
            if (!conversation.gold() && !pending && conversation.votedTurns() == 0) {
                return state(campaign, me.id(), participation.guidelinesSeen(), conversation);
            }
            conversations.abandonPendingTurns(conversation.id());
            conversations.setStatus(conversation.id(), ConversationStatus.ABANDONED);
        }
        StoredConversation fresh = turns.startConversation(campaign, me.id());
        return state(campaign, me.id(), participation.guidelinesSeen(), fresh);
    }

    /**
     * Sends the worker's message in their current conversation: draws two snapshots for random sides and starts
     * both answers. Follow them with {@link #watch}.
     *
     * @param conversationId the conversation the worker's page shows; refused when it is no longer the current one
     */
    @PreAuthorize("hasRole('WORKER')")
    public PendingComparison send(long campaignId, long conversationId, String message) {
        String text = workerCampaigns.message(message, MAX_MESSAGE_LENGTH);
        UserAccount me = me();
        Campaign campaign = openCampaign(campaignId);
        campaigns.lockParticipation(campaignId, me.id());
        if (!canContinue(campaign, me.id())) {
            throw new ComparisonException("You have completed this campaign.");
        }
        StoredConversation conversation = conversations
                .findActive(campaignId, me.id())
                .filter(c -> c.id() == conversationId)
                .orElseThrow(() -> notCurrent(conversationId, me.id(), campaign));
        return turns.startTurn(campaign, conversation, text).pending();
    }

    /**
     * One of the worker's own conversations in a campaign, read-only: their messages and the answers they picked
     * (a comparison still waiting shows as the message alone). Another worker's conversation, or one of another
     * campaign, does not exist for them: the same refusal as for an unknown id, so ids reveal nothing.
     */
    @PreAuthorize("hasRole('WORKER')")
    @Transactional(readOnly = true)
    public WorkerConversation conversation(long campaignId, long conversationId) {
        long me = me().id();
        StoredConversation conversation = conversations
                .findConversation(conversationId)
                .filter(c -> c.workerId() == me && c.campaignId() == campaignId)
                .orElseThrow(() -> new ComparisonException("There is no such conversation."));
        return turns.view(campaign(campaignId), conversation);
    }

    /**
     * Follows the answers of one of the worker's comparisons: streamed text while they are generated, then the
     * answers (at once when they are already complete). Close the subscription when the page goes away.
     */
    @PreAuthorize("hasRole('WORKER')")
    public AnswerSubscription watch(long turnId, AnswerListener listener) {
        ownedTurn(turnId);
        return LiveFollow.follow(
                conversations.findTurn(turnId).orElseThrow(),
                turn -> turn.status() == TurnStatus.GENERATING,
                generator::start,
                () -> generator.subscribe(turnId, listener),
                () -> conversations.findTurn(turnId).orElseThrow(),
                turn -> {
                    switch (turn.status()) {
                        case READY, VOTED ->
                            listener.onReady(turnId, String.valueOf(turn.answerA()), String.valueOf(turn.answerB()));
                        case FAILED ->
                            listener.onFailed(
                                    turnId, "The answers could not be generated. Please send your message again.");
                        case ABANDONED -> listener.onFailed(turnId, "This comparison is no longer current.");
                        case GENERATING ->
                            listener.onFailed(turnId, "The answers could not be generated. Please reload the page.");
                    }
                },
                () -> {});
    }

    /**
     * Records the worker's vote exactly once: the chosen answer continues the conversation (for a tie or "both bad"
     * a random one of the two). A retry with the same idempotency key returns the first receipt.
     *
     * @throws StaleTurnException when the comparison was already voted on with another key, or is no longer current
     */
    @PreAuthorize("hasRole('WORKER')")
    public VoteReceipt vote(VoteRequest request) {
        String key = request.idempotencyKey();
        if (key == null || key.length() < 8 || key.length() > 100) {
            throw new ComparisonException("A vote needs an idempotency key of 8 to 100 characters.");
        }
        UserAccount me = me();
        TurnOwner owner = ownedTurn(request.turnId(), me.id());
        Campaign campaign = campaign(owner.campaignId());
        Participation participation = campaigns.lockParticipation(campaign.id(), me.id());
        StoredTurn turn = conversations.lockTurn(request.turnId()).orElseThrow();
        Optional<StoredVote> existing = conversations.voteForTurn(turn.id());
        if (existing.isPresent()) {
            if (existing.get().idempotencyKey().equals(key)) {
                StoredConversation conversation =
                        conversations.findConversation(owner.itemId()).orElseThrow();
                return new VoteReceipt(
                        existing.get().id(),
                        true,
                        state(
                                campaign,
                                me.id(),
                                participation.guidelinesSeen(),
                                current(campaign, me.id(), conversation)));
            }
            throw new StaleTurnException("This comparison has already been voted on (in another tab or by a double "
                    + "click); the vote was recorded once.");
        }
        if (!campaigns.lockOpen(campaign.id())) {
            throw new ComparisonException("This campaign is closed; your vote was not recorded.");
        }
        StoredConversation conversation =
                conversations.findConversation(owner.itemId()).orElseThrow();
        WorkerTurns.Recorded recorded = turns.recordVote(campaign, conversation, turn, request, me.id());
        events.publishEvent(recorded.event());
        StoredConversation after = recorded.conversation(); // as the vote's update returned it: no re-read
        if (after.status() == ConversationStatus.COMPLETED
                && after.gold()
                && canContinue(campaign, me.id())
                && campaign.settings().open()) {
            after = turns.startConversation(campaign, me.id());
        }
        return new VoteReceipt(
                recorded.voteId(), false, state(campaign, me.id(), participation.guidelinesSeen(), after));
    }

    /** Votes for the ratings of one task, leaving out identity leaks and excluded workers. */
    @PreAuthorize("hasRole('RESEARCHER')")
    @Transactional(readOnly = true)
    public List<RatingVote> votesForRatings(ComparisonTask task) {
        return conversations.ratingVotes(task, RatingFilter.DEFAULT);
    }

    /** Votes for the ratings of one task, filtered as asked. */
    @PreAuthorize("hasRole('RESEARCHER')")
    @Transactional(readOnly = true)
    public List<RatingVote> votesForRatings(ComparisonTask task, RatingFilter filter) {
        return conversations.ratingVotes(task, filter);
    }

    /**
     * Every vote that counts (identity leaks and excluded workers left out, as for the ratings) with its texts, for
     * the preference-pair store.
     */
    @PreAuthorize("hasRole('RESEARCHER')")
    @Transactional(readOnly = true)
    public List<PairVote> votesForPairs() {
        return conversations.pairVotes(RatingFilter.DEFAULT);
    }

    private ComparisonState state(
            Campaign campaign, long workerId, boolean guidelinesSeen, @Nullable StoredConversation conversation) {
        CampaignSettings s = campaign.settings();
        int votes = conversations.countVotes(campaign.id(), workerId);
        boolean done = s.basics().quotaMet(votes);
        WorkerCampaign view = new WorkerCampaign(
                campaign.id(),
                s.name(),
                s.task(),
                s.instructions(),
                s.turnLimit(),
                s.allowTie(),
                s.allowBothBad(),
                s.strengthLevels(),
                s.quotaPerWorker(),
                s.open());
        WorkerConversation shown = conversation == null || (done && conversation.status() == ConversationStatus.ACTIVE)
                ? null
                : turns.view(campaign, conversation);
        return new ComparisonState(view, shown, votes, guidelinesSeen, done ? s.completionCode() : null);
    }

    /** After a retried vote: the conversation the worker is in now. */
    private @Nullable StoredConversation current(Campaign campaign, long workerId, StoredConversation voted) {
        return conversations.findActive(campaign.id(), workerId).orElse(voted);
    }

    private boolean canContinue(Campaign campaign, long workerId) {
        return campaign.settings().open()
                && !campaign.settings().basics().quotaMet(conversations.countVotes(campaign.id(), workerId));
    }

    private ComparisonException notCurrent(long conversationId, long workerId, Campaign campaign) {
        Optional<StoredConversation> asked =
                conversations.findConversation(conversationId).filter(c -> c.workerId() == workerId);
        if (asked.isPresent()
                && asked.get().status() == ConversationStatus.COMPLETED
                && !asked.get().gold()) {
            return new ComparisonException("This conversation has reached its limit of "
                    + campaign.settings().turnLimit() + " turns. Start a new conversation.");
        }
        return new StaleTurnException("This conversation is no longer current (a new one was started, perhaps in "
                + "another tab). Reload the page to continue with the current one.");
    }

    private TurnOwner ownedTurn(long turnId) {
        return ownedTurn(turnId, me().id());
    }

    private TurnOwner ownedTurn(long turnId, long me) {
        return conversations
                .turnOwner(turnId)
                .filter(o -> o.workerId() == me)
                .orElseThrow(() -> new ComparisonException("There is no such comparison."));
    }

    /** A campaign the current session may open: a study participant's session only those it entered by a link. */
    private Campaign campaign(long campaignId) {
        return workerCampaigns.campaign(campaignId);
    }

    private Campaign openCampaign(long campaignId) {
        return workerCampaigns.openCampaign(campaignId);
    }

    private UserAccount me() {
        return workerCampaigns.me();
    }
}
