package org.cailab.redteam;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.cailab.base.RandomSource;
import org.cailab.crowdwork.LiveFollow;
import org.cailab.crowdwork.PoolSnapshot;
import org.cailab.crowdwork.TurnOwner;
import org.cailab.crowdwork.WorkerCampaigns;
import org.cailab.dialogue.Exchange;
import org.cailab.dialogue.TurnText;
import org.cailab.security.ActingAs;
import org.cailab.security.UserAccount;
import org.cailab.security.UserService;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The worker's side of a red-team campaign: describe a task, talk with one anonymous model, rate the attempt 0-4.
 * Every request of one worker in one campaign runs under a lock on their participation (as in comparisons), and a
 * rating additionally locks the attempt: an attempt is rated once, a rating outside 0-4 or a second rating is
 * refused, and the database checks both again. Workers only see their own attempts and never the model's name.
 */
@Service
@Transactional
public class RedTeamService {

    static final int MAX_MESSAGE_LENGTH = 4000;
    static final int MAX_TASK_LENGTH = 1000;

    private final RedTeamCampaignRepository campaigns;
    private final AttemptRepository attempts;
    private final ReplyGenerator generator;
    private final ApplicationEventPublisher events;
    private final RandomSource random;
    private final WorkerCampaigns<RedTeamCampaign, RedTeamCampaignSettings> workerCampaigns;

    RedTeamService(
            RedTeamCampaignRepository campaigns,
            AttemptRepository attempts,
            ReplyGenerator generator,
            UserService users,
            ApplicationEventPublisher events,
            RandomSource random) {
        this.random = random;
        this.campaigns = campaigns;
        this.attempts = attempts;
        this.generator = generator;
        this.events = events;
        this.workerCampaigns = new WorkerCampaigns<>(
                campaigns, users, RedTeamStudyCampaigns.KIND, "red-team campaign", RedTeamException::new);
    }

    /** The open red-team campaigns with the worker's progress in each. */
    @PreAuthorize("hasRole('WORKER')")
    @Transactional(readOnly = true)
    public List<OpenRedTeamCampaign> openCampaigns() {
        long me = me().id();
        return workerCampaigns.open().stream()
                .map(c -> new OpenRedTeamCampaign(
                        c.id(),
                        c.name(),
                        attempts.countRated(c.id(), me),
                        c.settings().quotaPerWorker()))
                .toList();
    }

    /**
     * The worker's page for a campaign: their attempt in progress (none: they describe a new task next), or only the
     * completion code once the quota is met. An answer cut off by a restart of the app is generated again.
     */
    @PreAuthorize("hasRole('WORKER')")
    public RedTeamState open(long campaignId) {
        UserAccount me = me();
        RedTeamCampaign campaign = campaign(campaignId);
        var participation = campaigns.lockParticipation(campaignId, me.id());
        StoredAttempt attempt = attempts.findActive(campaignId, me.id()).orElse(null);
        if (attempt != null) {
            attempts.generatingTurn(attempt.id()).ifPresent(turn -> resumeIfStalled(turn, attempt.snapshotId()));
        }
        return state(campaign, me.id(), participation.guidelinesSeen(), attempt);
    }

    /** Records that the worker has read the guidelines, so that they are not shown automatically again. */
    @PreAuthorize("hasRole('WORKER')")
    public void acknowledgeGuidelines(long campaignId) {
        workerCampaigns.acknowledgeGuidelines(campaignId);
    }

    /**
     * Starts an attempt with the worker's task description; the model is drawn from the pool now. With an attempt
     * already in progress (a second tab) that one is returned unchanged.
     */
    @PreAuthorize("hasRole('WORKER')")
    public RedTeamState start(long campaignId, String taskDescription) {
        String task = taskDescription == null
                ? ""
                : TurnText.printable(taskDescription).strip();
        if (task.isEmpty()) {
            throw new RedTeamException("Describe what you are trying to get the model to do first.");
        }
        if (task.length() > MAX_TASK_LENGTH) {
            throw new RedTeamException("The task description can be at most " + MAX_TASK_LENGTH + " characters long.");
        }
        UserAccount me = me();
        RedTeamCampaign campaign = openCampaign(campaignId);
        var participation = campaigns.lockParticipation(campaignId, me.id());
        Optional<StoredAttempt> active = attempts.findActive(campaignId, me.id());
        if (active.isPresent()) {
            return state(campaign, me.id(), participation.guidelinesSeen(), active.get());
        }
        if (quotaMet(campaign, me.id())) {
            throw new RedTeamException("You have completed this campaign.");
        }
        PoolSnapshot snapshot = SnapshotDrawer.draw(campaign.settings().pool(), random.next());
        StoredAttempt attempt =
                attempts.insertAttempt(campaignId, me.id(), snapshot.snapshotId(), snapshot.name(), task);
        return state(campaign, me.id(), participation.guidelinesSeen(), attempt);
    }

    /**
     * Sends the worker's message in their attempt and starts the model's answer. Follow it with {@link #watch}.
     *
     * @param attemptId the attempt the worker's page shows; refused when it is no longer the current one
     */
    @PreAuthorize("hasRole('WORKER')")
    public PendingReply send(long campaignId, long attemptId, String message) {
        String text = workerCampaigns.message(message, MAX_MESSAGE_LENGTH);
        UserAccount me = me();
        RedTeamCampaign campaign = openCampaign(campaignId);
        campaigns.lockParticipation(campaignId, me.id());
        StoredAttempt attempt = attempts.findActive(campaignId, me.id())
                .filter(a -> a.id() == attemptId)
                .orElseThrow(() -> new RedTeamException("This attempt is no longer current (it was rated or given up, "
                        + "perhaps in another tab). Reload the page."));
        if (attempts.generatingTurn(attempt.id()).isPresent()) {
            throw new RedTeamException("Please wait until the answer is complete.");
        }
        int sent = attempts.countTurns(attempt.id());
        if (sent >= campaign.settings().turnLimit()) {
            throw new RedTeamException("This attempt has reached its limit of "
                    + campaign.settings().turnLimit() + " messages. Rate it now.");
        }
        String prompt = Exchange.prompt(attempts.exchanges(attempt.id()), text);
        StoredTurn turn = attempts.insertTurn(attempt.id(), sent, text, prompt);
        // the answer starts after the commit (ReplyGenerator.on), not at all when this rolls back
        events.publishEvent(new ReplyRequested(turn.id(), attempt.snapshotId(), me.username(), Instant.now()));
        return turn.pending();
    }

    /**
     * Follows the answer to one of the worker's messages: streamed text while it is generated, then the answer (at
     * once when it is already complete). Close the subscription when the page goes away.
     */
    @PreAuthorize("hasRole('WORKER')")
    public ReplySubscription watch(long turnId, ReplyListener listener) {
        TurnOwner owner = attempts.turnOwner(turnId)
                .filter(o -> o.workerId() == me().id())
                .orElseThrow(() -> new RedTeamException("There is no such message."));
        return LiveFollow.follow(
                attempts.findTurn(turnId).orElseThrow(),
                turn -> turn.status() == TurnStatus.GENERATING,
                turn -> generator.start(
                        turn, attempts.findAttempt(owner.itemId()).orElseThrow().snapshotId()),
                () -> generator.subscribe(turnId, listener),
                () -> attempts.findTurn(turnId).orElseThrow(),
                turn -> {
                    switch (turn.status()) {
                        case READY -> listener.onReady(turnId, String.valueOf(turn.answer()));
                        case FAILED ->
                            listener.onFailed(
                                    turnId, "The answer could not be generated. Please send your message again.");
                        case GENERATING ->
                            listener.onFailed(turnId, "The answer could not be generated. Please reload the page.");
                    }
                },
                () -> {});
    }

    /**
     * Ends the attempt with the worker's rating of their success, 0..4, and optionally of how harmful the task was.
     * Refused: a rating outside 0-4, a task-harm rating the campaign does not ask for, an attempt without an answer
     * or with one still being written, and a second rating ({@link AttemptAlreadyRatedException}).
     */
    @PreAuthorize("hasRole('WORKER')")
    public RatingReceipt rate(RatingRequest request) {
        if (!RatingScale.valid(request.rating())) {
            throw new RedTeamException("A rating is a whole number from 0 to 4; " + request.rating() + " is not.");
        }
        Integer taskHarm = request.taskHarmRating();
        if (taskHarm != null && !RatingScale.valid(taskHarm)) {
            throw new RedTeamException("The task's harmfulness is rated from 0 to 4; " + taskHarm + " is not.");
        }
        UserAccount me = me();
        StoredAttempt unlocked = attempts.findAttempt(request.attemptId())
                .filter(a -> a.workerId() == me.id())
                .orElseThrow(() -> new RedTeamException("There is no such attempt."));
        RedTeamCampaign campaign = campaign(unlocked.campaignId());
        var participation = campaigns.lockParticipation(campaign.id(), me.id());
        StoredAttempt attempt = attempts.lockAttempt(unlocked.id()).orElseThrow();
        switch (attempt.status()) {
            case RATED ->
                throw new AttemptAlreadyRatedException("This attempt has already been rated; the first rating stands.");
            case ABANDONED -> throw new RedTeamException("This attempt was given up and cannot be rated.");
            case ACTIVE -> {
                // rated below
            }
        }
        if (!campaigns.lockOpen(campaign.id())) {
            throw new RedTeamException("This campaign is closed; your rating was not recorded.");
        }
        if (taskHarm != null && !campaign.settings().askTaskHarm()) {
            throw new RedTeamException("This campaign does not ask how harmful the task was.");
        }
        if (attempts.generatingTurn(attempt.id()).isPresent()) {
            throw new RedTeamException("Please wait until the answer is complete before rating.");
        }
        List<Exchange> exchanges = attempts.exchanges(attempt.id());
        if (exchanges.isEmpty()) {
            throw new RedTeamException("Talk with the model at least once before rating the attempt.");
        }
        OffsetDateTime ratedAt = attempts.rate(attempt.id(), request.rating(), taskHarm, Exchange.transcript(exchanges))
                .orElseThrow(() -> new AttemptAlreadyRatedException(
                        "This attempt has already been rated; the first rating stands."));
        events.publishEvent(new AttemptRated(
                attempt.id(),
                campaign.id(),
                attempt.snapshotId(),
                attempt.snapshotName(),
                request.rating(),
                taskHarm,
                ratedAt));
        return new RatingReceipt(
                attempt.id(), request.rating(), state(campaign, me.id(), participation.guidelinesSeen(), null));
    }

    /** Gives up the attempt in progress without a rating (it is kept, but never counts). */
    @PreAuthorize("hasRole('WORKER')")
    public RedTeamState abandon(long campaignId) {
        UserAccount me = me();
        RedTeamCampaign campaign = campaign(campaignId);
        var participation = campaigns.lockParticipation(campaignId, me.id());
        attempts.findActive(campaignId, me.id()).ifPresent(a -> attempts.abandon(a.id()));
        return state(campaign, me.id(), participation.guidelinesSeen(), null);
    }

    private RedTeamState state(
            RedTeamCampaign campaign, long workerId, boolean guidelinesSeen, @Nullable StoredAttempt attempt) {
        RedTeamCampaignSettings s = campaign.settings();
        int done = attempts.countRated(campaign.id(), workerId);
        boolean finished = s.basics().quotaMet(done);
        WorkerRedTeamCampaign view = new WorkerRedTeamCampaign(
                campaign.id(),
                s.name(),
                s.instructions(),
                s.turnLimit(),
                s.quotaPerWorker(),
                s.askTaskHarm(),
                s.open());
        WorkerAttempt shown = attempt == null || attempt.status() != AttemptStatus.ACTIVE ? null : view(s, attempt);
        return new RedTeamState(view, shown, done, guidelinesSeen, finished ? s.completionCode() : null);
    }

    private WorkerAttempt view(RedTeamCampaignSettings s, StoredAttempt attempt) {
        PendingReply pending =
                attempts.generatingTurn(attempt.id()).map(StoredTurn::pending).orElse(null);
        int turnsLeft = Math.max(0, s.turnLimit() - attempts.countTurns(attempt.id()));
        return new WorkerAttempt(
                attempt.id(), attempt.taskDescription(), attempts.exchanges(attempt.id()), pending, turnsLeft);
    }

    private void resumeIfStalled(StoredTurn turn, long snapshotId) {
        if (!generator.isGenerating(turn.id())) {
            events.publishEvent(new ReplyRequested(turn.id(), snapshotId, ActingAs.currentUsername(), Instant.now()));
        }
    }

    private boolean quotaMet(RedTeamCampaign campaign, long workerId) {
        return campaign.settings().basics().quotaMet(attempts.countRated(campaign.id(), workerId));
    }

    /** A campaign the current session may open: a study participant's session only those it entered by a link. */
    private RedTeamCampaign campaign(long campaignId) {
        return workerCampaigns.campaign(campaignId);
    }

    private RedTeamCampaign openCampaign(long campaignId) {
        return workerCampaigns.openCampaign(campaignId);
    }

    private UserAccount me() {
        return workerCampaigns.me();
    }
}
