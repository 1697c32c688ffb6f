package org.cailab.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cailab.db.jooq.Tables.COMPARISON_TURN;
import static org.cailab.db.jooq.Tables.COMPARISON_VOTE;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.cailab.crowdwork.PoolSnapshot;
import org.cailab.dialogue.Exchange;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.RemoteBackend;
import org.cailab.model.SnapshotKind;
import org.cailab.security.NewUser;
import org.cailab.security.Role;
import org.cailab.security.UserAccount;
import org.cailab.security.UserService;
import org.cailab.support.ComparisonTestModels;
import org.cailab.support.IntegrationTest;
import org.cailab.support.StudyLinks;
import org.jooq.DSLContext;
import org.jooq.Record4;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@RecordApplicationEvents
class ComparisonServiceIT extends IntegrationTest {

    @Autowired
    CampaignService campaignService;

    @Autowired
    ComparisonService comparisons;

    @Autowired
    WorkerQualityService quality;

    @Autowired
    UserService users;

    @Autowired
    DSLContext dsl;

    @Autowired
    ApplicationEvents events;

    @Autowired
    ModelRegistry registry;

    @LocalServerPort
    int port;

    private String worker;
    private List<ModelSnapshot> models;

    @BeforeEach
    void newWorkerAndModels() {
        worker = createWorker();
        models = as("admin", () -> ComparisonTestModels.ensure(registry));
    }

    @Test
    void aVoteIsStoredOnceWithEverythingAboutTheComparison() {
        Campaign campaign = campaign(s -> s);
        ComparisonState state = as(worker, () -> comparisons.open(campaign.id()));
        assertThat(state.conversation()).isNotNull();
        assertThat(state.guidelinesSeen()).isFalse();
        PendingComparison pending = sendAndWait(campaign, state, "How do I bake bread?");
        assertThat(pending.answerA()).isNotBlank();

        VoteReceipt receipt =
                as(worker, () -> comparisons.vote(new VoteRequest(pending.turnId(), Choice.B_BETTER, null, key())));
        assertThat(receipt.alreadyRecorded()).isFalse();
        WorkerConversation after = receipt.state().conversation();
        assertThat(after.exchanges()).containsExactly(new Exchange("How do I bake bread?", pending.answerB()));
        assertThat(after.pending()).isNull();

        var row = dsl.selectFrom(COMPARISON_VOTE)
                .where(COMPARISON_VOTE.ID.eq(receipt.voteId()))
                .fetchSingle();
        assertThat(row.getConversation()).isEqualTo("\n\nHuman: How do I bake bread?\n\nAssistant:");
        assertThat(row.getAnswerA()).isEqualTo(pending.answerA());
        assertThat(row.getAnswerB()).isEqualTo(pending.answerB());
        assertThat(row.getSnapshotAId()).isNotNull().isNotEqualTo(row.getSnapshotBId());
        assertThat(row.getSnapshotAName()).startsWith("cmp-tiny-");
        // the generator stored the cleaned answers with their leak flags (the detection: IdentityLeakDetectorTest)
        var turn = dsl.selectFrom(COMPARISON_TURN)
                .where(COMPARISON_TURN.ID.eq(pending.turnId()))
                .fetchSingle();
        assertThat(turn.getAnswerA()).isEqualTo(pending.answerA()).isEqualTo(AnswerGenerator.clean(turn.getAnswerA()));
        assertThat(turn.getAnswerB()).isEqualTo(pending.answerB()).isEqualTo(AnswerGenerator.clean(turn.getAnswerB()));
        assertThat(turn.getLeakA())
                .isEqualTo(IdentityLeakDetector.namesModel(turn.getAnswerA(), row.getSnapshotAName()));
        assertThat(turn.getLeakB())
                .isEqualTo(IdentityLeakDetector.namesModel(turn.getAnswerB(), row.getSnapshotBName()));
        assertThat(row.getChoice()).isEqualTo("B");
        assertThat(row.getContinuedSide()).isEqualTo("B");
        assertThat(row.getTask()).isEqualTo("HELPFULNESS");
        assertThat(row.getTimeToVoteMs()).isNotNegative();
        assertThat(row.getShownAt()).isBeforeOrEqualTo(row.getVotedAt());
        assertThat(events.stream(VoteRecorded.class).filter(e -> e.voteId() == receipt.voteId()))
                .hasSize(1);

        List<RatingVote> ratings = as("admin", () -> comparisons.votesForRatings(ComparisonTask.HELPFULNESS));
        assertThat(ratings)
                .filteredOn(v -> v.voteId() == receipt.voteId())
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.outcome()).isEqualTo(Outcome.B_WINS);
                    assertThat(v.snapshotAId()).isEqualTo(row.getSnapshotAId());
                    assertThat(v.campaignName()).isEqualTo(campaign.name());
                });
    }

    @Test
    void aTurnWhoseModelCannotBeReachedIsStoredAsFailedAndTheWorkerIsTold() {
        // a pool model on a remote backend nobody listens at (no retries): its answer fails at once
        ModelSnapshot unreachable = as(
                "admin",
                () -> registry.registerRemote(
                        "cmp-unreachable-" + UUID.randomUUID().toString().substring(0, 8),
                        SnapshotKind.PRETRAINED,
                        RemoteBackend.of(List.of(URI.create("http://127.0.0.1:9/v1")), "anything", null)
                                .withLimits(2, java.time.Duration.ofSeconds(5), 0),
                        ""));
        List<PoolSnapshot> pool = List.of(
                new PoolSnapshot(models.getFirst().id(), models.getFirst().name(), 1),
                new PoolSnapshot(unreachable.id(), unreachable.name(), 1));
        Campaign campaign = as(
                "admin",
                () -> campaignService.create(CampaignSettings.defaults(
                                "Campaign " + UUID.randomUUID().toString().substring(0, 8),
                                ComparisonTask.HELPFULNESS,
                                pool)
                        .withOpen(true)));
        ComparisonState state = as(worker, () -> comparisons.open(campaign.id()));
        PendingComparison pending = as(
                worker,
                () -> comparisons.send(campaign.id(), state.conversation().id(), "hello?"));
        Answers answers = new Answers();
        try (AnswerSubscription ignored = as(worker, () -> comparisons.watch(pending.turnId(), answers))) {
            assertThatThrownBy(() -> answers.ready.get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IllegalStateException.class)
                    .cause()
                    .hasMessageStartingWith("The answers could not be generated")
                    .hasMessageEndingWith("Please send your message again.");
        }
        var turn = dsl.selectFrom(COMPARISON_TURN)
                .where(COMPARISON_TURN.ID.eq(pending.turnId()))
                .fetchSingle();
        assertThat(turn.getStatus()).isEqualTo(TurnStatus.FAILED.name());
        assertThat(turn.getFailure()).isEqualTo("RemoteModelException");
        assertThat(turn.getAnswerA()).isNull();
        assertThat(turn.getAnswerB()).isNull();
    }

    @Test
    void concurrentDoubleSubmissionRecordsOneVote() throws Exception {
        Campaign campaign = campaign(s -> s);
        ComparisonState state = as(worker, () -> comparisons.open(campaign.id()));
        PendingComparison first = sendAndWait(campaign, state, "first");
        String key = key();
        List<Object> outcomes = race(
                () -> comparisons.vote(new VoteRequest(first.turnId(), Choice.A_BETTER, null, key)),
                () -> comparisons.vote(new VoteRequest(first.turnId(), Choice.A_BETTER, null, key)));
        assertThat(outcomes).allMatch(VoteReceipt.class::isInstance);
        assertThat(outcomes)
                .extracting(o -> ((VoteReceipt) o).voteId())
                .containsOnly(((VoteReceipt) outcomes.get(0)).voteId());
        assertThat(outcomes)
                .extracting(o -> ((VoteReceipt) o).alreadyRecorded())
                .containsExactlyInAnyOrder(true, false);
        assertThat(votesOfTurn(first.turnId())).isEqualTo(1);

        // two different requests (a second tab) for the same turn: one vote, the other refused
        ComparisonState now = ((VoteReceipt) outcomes.get(0)).state();
        PendingComparison second = sendAndWait(campaign, now, "second");
        List<Object> racing = race(
                () -> comparisons.vote(new VoteRequest(second.turnId(), Choice.A_BETTER, null, key())),
                () -> comparisons.vote(new VoteRequest(second.turnId(), Choice.B_BETTER, null, key())));
        assertThat(racing).filteredOn(VoteReceipt.class::isInstance).hasSize(1);
        assertThat(racing)
                .filteredOn(StaleTurnException.class::isInstance)
                .singleElement()
                .extracting(e -> ((Exception) e).getMessage())
                .asString()
                .contains("already been voted on");
        assertThat(votesOfTurn(second.turnId())).isEqualTo(1);
    }

    @Test
    void aVoteForATurnThatIsNoLongerCurrentIsRefused() {
        Campaign campaign = campaign(s -> s);
        ComparisonState state = as(worker, () -> comparisons.open(campaign.id()));
        PendingComparison pending = sendAndWait(campaign, state, "hello");
        ComparisonState fresh = as(worker, () -> comparisons.newConversation(campaign.id()));
        assertThat(fresh.conversation().id()).isNotEqualTo(state.conversation().id());

        assertThatThrownBy(() -> as(
                        worker,
                        () -> comparisons.vote(new VoteRequest(pending.turnId(), Choice.A_BETTER, null, key()))))
                .isInstanceOf(StaleTurnException.class)
                .hasMessageContaining("no longer current");
        assertThat(votesOfTurn(pending.turnId())).isZero();
        assertThatThrownBy(() -> as(
                        worker,
                        () -> comparisons.send(
                                campaign.id(), state.conversation().id(), "again")))
                .isInstanceOf(StaleTurnException.class);
    }

    @Test
    void theTurnLimitIsEnforced() {
        Campaign campaign = campaign(s -> with(s, 2, null, 0));
        ComparisonState state = as(worker, () -> comparisons.open(campaign.id()));
        for (String message : List.of("one", "two")) {
            PendingComparison pending = sendAndWait(campaign, state, message);
            state = as(worker, () -> comparisons.vote(new VoteRequest(pending.turnId(), Choice.TIE, null, key())))
                    .state();
        }
        assertThat(state.conversation().finished()).isTrue();
        assertThat(state.conversation().exchanges()).hasSize(2);
        long finishedId = state.conversation().id();
        assertThatThrownBy(() -> as(worker, () -> comparisons.send(campaign.id(), finishedId, "three")))
                .isInstanceOf(ComparisonException.class)
                .hasMessageContaining("limit of 2 turns");
        ComparisonState next = as(worker, () -> comparisons.newConversation(campaign.id()));
        assertThat(next.conversation().id()).isNotEqualTo(finishedId);
        assertThat(next.conversation().exchanges()).isEmpty();
    }

    @Test
    void anExcludedWorkersVotesLeaveTheRatingsAndComeBack() {
        Campaign campaign = campaign(s -> s);
        ComparisonState state = as(worker, () -> comparisons.open(campaign.id()));
        PendingComparison pending = sendAndWait(campaign, state, "hi");
        long voteId = as(
                        worker, () -> comparisons.vote(new VoteRequest(pending.turnId(), Choice.A_BETTER, null, key())))
                .voteId();
        long workerId = as(worker, () -> users.currentUser().id());

        assertThat(ratingIds()).contains(voteId);
        as("admin", () -> {
            quality.setExcluded(workerId, true);
            return null;
        });
        assertThat(ratingIds()).doesNotContain(voteId);
        assertThat(as(
                        "admin",
                        () -> comparisons.votesForRatings(ComparisonTask.HELPFULNESS, new RatingFilter(false, true))))
                .extracting(RatingVote::voteId)
                .contains(voteId);
        assertThat(as("admin", () -> quality.quality(campaign.id())))
                .singleElement()
                .satisfies(q -> {
                    assertThat(q.excluded()).isTrue();
                    assertThat(q.votes()).isEqualTo(1);
                    assertThat(q.shareA()).isEqualTo(1.0);
                    // the test votes the moment both answers are there: nobody reads that fast
                    assertThat(q.fastVotes()).isEqualTo(1);
                    assertThat(q.implausiblyFast()).isTrue();
                });
        as("admin", () -> {
            quality.setExcluded(workerId, false);
            return null;
        });
        assertThat(ratingIds()).contains(voteId);
        assertThat(events.stream(WorkerExclusionChanged.class)).hasSize(2);
    }

    @Test
    void aVoteFlaggedForAnIdentityLeakStaysOutOfTheRatingsByDefault() {
        Campaign campaign = campaign(s -> s);
        ComparisonState state = as(worker, () -> comparisons.open(campaign.id()));
        PendingComparison pending = sendAndWait(campaign, state, "who are you?");
        // what the generator stores when an answer names its model (detection: IdentityLeakDetectorTest;
        // storing: aVoteIsStoredOnceWithEverythingAboutTheComparison)
        dsl.update(COMPARISON_TURN)
                .set(COMPARISON_TURN.LEAK_B, true)
                .where(COMPARISON_TURN.ID.eq(pending.turnId()))
                .execute();
        long voteId = as(
                        worker, () -> comparisons.vote(new VoteRequest(pending.turnId(), Choice.A_BETTER, null, key())))
                .voteId();
        assertThat(dsl.select(COMPARISON_VOTE.IDENTITY_LEAK)
                        .from(COMPARISON_VOTE)
                        .where(COMPARISON_VOTE.ID.eq(voteId))
                        .fetchSingle()
                        .value1())
                .isTrue();
        assertThat(ratingIds()).doesNotContain(voteId);
        assertThat(as(
                        "admin",
                        () -> comparisons.votesForRatings(ComparisonTask.HELPFULNESS, new RatingFilter(true, false))))
                .extracting(RatingVote::voteId)
                .contains(voteId);
        assertThat(as("admin", () -> quality.quality(campaign.id())))
                .singleElement()
                .satisfies(q -> assertThat(q.identityLeaks()).isEqualTo(1));
    }

    @Test
    void goldChecksMeasureWorkersAndStayOutOfTheRatings() {
        Campaign campaign = campaign(s -> with(s, 3, null, 1.0));
        GoldItem gold = as(
                "admin",
                () -> campaignService.addGoldItem(
                        campaign.id(), new NewGoldItem("Is the earth flat?", "No, it is roughly a sphere.", "Yes.")));
        ComparisonState state = as(worker, () -> comparisons.open(campaign.id()));
        PendingComparison check = state.conversation().pending();
        assertThat(check).isNotNull();
        assertThat(check.ready()).isTrue();
        assertThat(check.humanMessage()).isEqualTo(gold.prompt());
        Choice right = gold.betterAnswer().equals(check.answerA()) ? Choice.A_BETTER : Choice.B_BETTER;
        assertThatThrownBy(() -> as(worker, () -> comparisons.newConversation(campaign.id())))
                .hasMessageContaining("answer the current comparison first");

        VoteReceipt receipt = as(worker, () -> comparisons.vote(new VoteRequest(check.turnId(), right, null, key())));
        assertThat(receipt.state().conversation().exchanges()).isEmpty();
        assertThat(receipt.state().conversation().pending())
                .as("only one gold item, already answered")
                .isNull();
        assertThat(ratingIds()).doesNotContain(receipt.voteId());
        assertThat(as("admin", () -> quality.quality(campaign.id())))
                .singleElement()
                .satisfies(q -> assertThat(q.goldAgreement()).isEqualTo(1.0));
    }

    @Test
    void theQuotaEndsWithTheCompletionCode() {
        Campaign campaign = campaign(s -> with(s, 5, 1, 0));
        ComparisonState state = as(worker, () -> comparisons.open(campaign.id()));
        assertThat(state.completionCode()).isNull();
        PendingComparison pending = sendAndWait(campaign, state, "hi");
        ComparisonState done = as(
                        worker, () -> comparisons.vote(new VoteRequest(pending.turnId(), Choice.A_BETTER, null, key())))
                .state();
        assertThat(done.quotaReached()).isTrue();
        assertThat(done.completionCode()).isEqualTo(campaign.settings().completionCode());
        assertThat(as(worker, () -> comparisons.open(campaign.id())).conversation())
                .isNull();
        assertThatThrownBy(() -> as(worker, () -> comparisons.newConversation(campaign.id())))
                .hasMessageContaining("completed");
    }

    @Test
    void strengthIsAskedForPreferencesAndOptionsTheCampaignForbidsAreRefused() {
        Campaign campaign = campaign(s -> new CampaignSettings(
                s.name(),
                s.task(),
                s.instructions(),
                s.pool(),
                s.pairDrawing(),
                s.turnLimit(),
                false,
                false,
                3,
                null,
                0,
                true,
                s.completionCode()));
        ComparisonState state = as(worker, () -> comparisons.open(campaign.id()));
        PendingComparison pending = sendAndWait(campaign, state, "hi");
        assertThatThrownBy(() ->
                        as(worker, () -> comparisons.vote(new VoteRequest(pending.turnId(), Choice.TIE, null, key()))))
                .hasMessageContaining("does not allow ties");
        assertThatThrownBy(() -> as(
                        worker,
                        () -> comparisons.vote(new VoteRequest(pending.turnId(), Choice.BOTH_BAD, null, key()))))
                .hasMessageContaining("both bad");
        assertThatThrownBy(() -> as(
                        worker,
                        () -> comparisons.vote(new VoteRequest(pending.turnId(), Choice.A_BETTER, null, key()))))
                .hasMessageContaining("1 to 3");
        assertThatThrownBy(() -> as(
                        worker, () -> comparisons.vote(new VoteRequest(pending.turnId(), Choice.A_BETTER, 4, key()))))
                .hasMessageContaining("1 to 3");
        long voteId = as(worker, () -> comparisons.vote(new VoteRequest(pending.turnId(), Choice.B_BETTER, 2, key())))
                .voteId();
        var row = dsl.selectFrom(COMPARISON_VOTE)
                .where(COMPARISON_VOTE.ID.eq(voteId))
                .fetchSingle();
        assertThat(row.getStrength()).isEqualTo(2);
        assertThat(row.getStrengthLevels()).isEqualTo(3);
        assertThat(ratingIds()).contains(voteId);
    }

    @Test
    void workersCannotTouchOtherWorkersComparisons() {
        Campaign campaign = campaign(s -> s);
        ComparisonState state = as(worker, () -> comparisons.open(campaign.id()));
        PendingComparison pending = sendAndWait(campaign, state, "mine");
        String other = createWorker();
        assertThatThrownBy(() -> as(
                        other, () -> comparisons.vote(new VoteRequest(pending.turnId(), Choice.A_BETTER, null, key()))))
                .hasMessageContaining("no such comparison");
        assertThatThrownBy(() -> as(other, () -> comparisons.watch(pending.turnId(), new Answers())))
                .hasMessageContaining("no such comparison");

        long conversationId = state.conversation().id();
        assertThat(as(worker, () -> comparisons.conversation(campaign.id(), conversationId))
                        .pending()
                        .humanMessage())
                .isEqualTo("mine");
        assertThatThrownBy(() -> as(other, () -> comparisons.conversation(campaign.id(), conversationId)))
                .isInstanceOf(ComparisonException.class)
                .hasMessageContaining("no such conversation");
        Campaign another = campaign(s -> s);
        assertThatThrownBy(() -> as(worker, () -> comparisons.conversation(another.id(), conversationId)))
                .isInstanceOf(ComparisonException.class)
                .hasMessageContaining("no such conversation");
    }

    @Test
    void everyComparisonDrawsTwoDifferentPoolSnapshotsAndTheVoteKeepsThemBySide() {
        Campaign uniform = campaign(s -> s);
        Map<Long, String> pool = uniform.settings().pool().stream()
                .collect(Collectors.toMap(PoolSnapshot::snapshotId, PoolSnapshot::name));
        List<Record4<Long, String, Long, String>> drawn = drawPairs(uniform, 20);
        assertThat(drawn).allSatisfy(t -> {
            assertThat(t.value1()).isNotEqualTo(t.value3());
            assertThat(pool).containsEntry(t.value1(), t.value2()).containsEntry(t.value3(), t.value4());
        });
        assertThat(drawn.stream()
                        .flatMap(t -> java.util.stream.Stream.of(t.value1(), t.value3()))
                        .distinct())
                .as("a uniform pool of three uses all three")
                .containsExactlyInAnyOrderElementsOf(pool.keySet());

        // weights 1000 : 1000 : 0.001 make the pair of the first two (all but certainly), on random sides
        Campaign weighted = campaign(s -> new CampaignSettings(
                s.name(),
                s.task(),
                s.instructions(),
                List.of(
                        new PoolSnapshot(models.get(0).id(), "", 1000),
                        new PoolSnapshot(models.get(1).id(), "", 1000),
                        new PoolSnapshot(models.get(2).id(), "", 0.001)),
                PairDrawing.WEIGHTED,
                s.turnLimit(),
                s.allowTie(),
                s.allowBothBad(),
                s.strengthLevels(),
                s.quotaPerWorker(),
                s.goldRate(),
                s.open(),
                s.completionCode()));
        assertThat(weighted.settings().pool())
                .extracting(PoolSnapshot::name)
                .as("names come from the registry")
                .containsExactlyInAnyOrder(
                        models.get(0).name(),
                        models.get(1).name(),
                        models.get(2).name());
        List<Record4<Long, String, Long, String>> heavy = drawPairs(weighted, 20);
        assertThat(heavy)
                .allSatisfy(t -> assertThat(List.of(t.value1(), t.value3()))
                        .containsExactlyInAnyOrder(
                                models.get(0).id(), models.get(1).id()));
        assertThat(heavy.stream().map(Record4::value1).distinct())
                .as("either one on side A")
                .hasSize(2);

        // the vote copies the pair by side from its turn
        ComparisonState state = as(worker, () -> comparisons.open(weighted.id()));
        PendingComparison pending = sendAndWait(weighted, state, "which side?");
        long voteId = as(
                        worker, () -> comparisons.vote(new VoteRequest(pending.turnId(), Choice.A_BETTER, null, key())))
                .voteId();
        var turn = dsl.selectFrom(COMPARISON_TURN)
                .where(COMPARISON_TURN.ID.eq(pending.turnId()))
                .fetchSingle();
        var vote = dsl.selectFrom(COMPARISON_VOTE)
                .where(COMPARISON_VOTE.ID.eq(voteId))
                .fetchSingle();
        assertThat(List.of(
                        vote.getSnapshotAId(), vote.getSnapshotAName(), vote.getSnapshotBId(), vote.getSnapshotBName()))
                .containsExactly(
                        turn.getSnapshotAId(), turn.getSnapshotAName(), turn.getSnapshotBId(), turn.getSnapshotBName());
        assertThat(turn.getStatus()).isEqualTo("VOTED");
    }

    @Test
    void aVoteAfterTheCampaignWasClosedIsRefusedAndNotStored() {
        Campaign campaign = campaign(s -> s);
        ComparisonState state = as(worker, () -> comparisons.open(campaign.id()));
        PendingComparison pending = sendAndWait(campaign, state, "Is the sea salty?");
        as("admin", () -> campaignService.setOpen(campaignService.campaign(campaign.id()), false));
        assertThatThrownBy(() -> as(
                        worker,
                        () -> comparisons.vote(new VoteRequest(pending.turnId(), Choice.A_BETTER, null, key()))))
                .isInstanceOf(ComparisonException.class)
                .hasMessageContaining("closed");
        assertThat(votesOfTurn(pending.turnId())).isZero();
    }

    @Test
    void aProlificLinkSignsTheParticipantInAndRefusesBadParameters() throws Exception {
        Campaign campaign = campaign(s -> with(s, 5, 1, 0));
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String pid = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        String link = as("admin", () -> campaignService.studyLink(campaign.id()));
        HttpResponse<String> ok = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + StudyLinks.fill(link, pid, "st1", "se1")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).hasValue("/compare/" + campaign.id());
        assertThat(ok.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("JSESSIONID="));
        assertThat(as("admin", () -> users.findAll()))
                .extracting(UserAccount::username)
                .contains("prolific-" + pid);

        HttpResponse<String> bad = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                + StudyLinks.fill(link, "%7B%7B%25PROLIFIC_PID%25%7D%7D", "s", "x")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("PROLIFIC_PID");

        // a study link never signs anyone in as a researcher whose name happens to match
        String researcherPid = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        as("admin", () -> users.create(new NewUser("prolific-" + researcherPid, "password-1", Role.RESEARCHER)));
        HttpResponse<String> refused = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + StudyLinks.fill(link, researcherPid, "st1", "se1")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
    }

    // --- helpers

    /**
     * Sends a message {@code n} times, each in a new conversation (leaving the comparison unvoted), and returns the
     * pairs stored on the turns: snapshot A id and name, snapshot B id and name.
     */
    private List<Record4<Long, String, Long, String>> drawPairs(Campaign campaign, int n) {
        List<Long> turnIds = new java.util.ArrayList<>();
        ComparisonState state = as(worker, () -> comparisons.open(campaign.id()));
        for (int i = 0; i < n; i++) {
            ComparisonState current = state;
            turnIds.add(as(
                            worker,
                            () -> comparisons.send(
                                    campaign.id(), current.conversation().id(), "draw"))
                    .turnId());
            state = as(worker, () -> comparisons.newConversation(campaign.id()));
        }
        return dsl.select(
                        COMPARISON_TURN.SNAPSHOT_A_ID,
                        COMPARISON_TURN.SNAPSHOT_A_NAME,
                        COMPARISON_TURN.SNAPSHOT_B_ID,
                        COMPARISON_TURN.SNAPSHOT_B_NAME)
                .from(COMPARISON_TURN)
                .where(COMPARISON_TURN.ID.in(turnIds))
                .fetch();
    }

    private PendingComparison sendAndWait(Campaign campaign, ComparisonState state, String message) {
        PendingComparison pending = as(
                worker,
                () -> comparisons.send(campaign.id(), state.conversation().id(), message));
        Answers answers = new Answers();
        try (AnswerSubscription ignored = as(worker, () -> comparisons.watch(pending.turnId(), answers))) {
            String[] both = answers.ready.get(30, TimeUnit.SECONDS);
            return new PendingComparison(pending.turnId(), message, both[0], both[1]);
        } catch (Exception e) {
            throw new AssertionError("answers did not arrive", e);
        }
    }

    private Campaign campaign(java.util.function.UnaryOperator<CampaignSettings> customize) {
        List<PoolSnapshot> pool =
                models.stream().map(m -> new PoolSnapshot(m.id(), m.name(), 1)).toList();
        CampaignSettings settings = customize.apply(CampaignSettings.defaults(
                        "Campaign " + UUID.randomUUID().toString().substring(0, 8), ComparisonTask.HELPFULNESS, pool)
                .withOpen(true));
        return as("admin", () -> campaignService.create(settings));
    }

    private static CampaignSettings with(CampaignSettings s, int turnLimit, Integer quota, double goldRate) {
        return new CampaignSettings(
                s.name(),
                s.task(),
                s.instructions(),
                s.pool(),
                s.pairDrawing(),
                turnLimit,
                s.allowTie(),
                s.allowBothBad(),
                s.strengthLevels(),
                quota,
                goldRate,
                s.open(),
                s.completionCode());
    }

    private List<Long> ratingIds() {
        return as("admin", () -> comparisons.votesForRatings(ComparisonTask.HELPFULNESS)).stream()
                .map(RatingVote::voteId)
                .toList();
    }

    private int votesOfTurn(long turnId) {
        return dsl.fetchCount(COMPARISON_VOTE, COMPARISON_VOTE.TURN_ID.eq(turnId));
    }

    private List<Object> race(Callable<VoteReceipt> first, Callable<VoteReceipt> second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Object> a = threads.submit(() -> attempt(start, first));
            Future<Object> b = threads.submit(() -> attempt(start, second));
            return List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }
    }

    private Object attempt(CyclicBarrier start, Callable<VoteReceipt> vote) throws Exception {
        start.await();
        try {
            return as(worker, vote);
        } catch (ComparisonException e) {
            return e;
        }
    }

    private String createWorker() {
        String name = "w-" + UUID.randomUUID().toString().substring(0, 8);
        as("admin", () -> users.create(new NewUser(name, "worker-pass", Role.WORKER)));
        return name;
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static <T> T as(String username, Callable<T> action) {
        return org.cailab.support.Voting.as(
                username,
                username.equals("admin") ? org.cailab.security.Role.ADMIN : org.cailab.security.Role.WORKER,
                action);
    }

    /** Collects the answers of one comparison. */
    static final class Answers implements AnswerListener {
        final CompletableFuture<String[]> ready = new CompletableFuture<>();

        @Override
        public void onText(Side side, String textSoFar) {}

        @Override
        public void onReady(long turnId, String answerA, String answerB) {
            ready.complete(new String[] {answerA, answerB});
        }

        @Override
        public void onFailed(long turnId, String message) {
            ready.completeExceptionally(new IllegalStateException(message));
        }
    }
}
