package org.cailab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cailab.support.Voting.as;
import static org.cailab.support.Voting.asAdmin;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cailab.comparison.Campaign;
import org.cailab.comparison.CampaignService;
import org.cailab.comparison.Choice;
import org.cailab.comparison.ComparisonService;
import org.cailab.comparison.ComparisonTask;
import org.cailab.comparison.RatingVote;
import org.cailab.comparison.WorkerQualityService;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.security.Role;
import org.cailab.security.UserService;
import org.cailab.support.ComparisonTestModels;
import org.cailab.support.IntegrationTest;
import org.cailab.support.Voting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** Ratings over votes cast through the real comparison service on real PostgreSQL (the database is shared). */
class RatingsServiceIT extends IntegrationTest {

    @Autowired
    RatingsService ratings;

    @Autowired
    ComparisonService comparisons;

    @Autowired
    CampaignService campaigns;

    @Autowired
    WorkerQualityService quality;

    @Autowired
    UserService users;

    @Autowired
    ModelRegistry registry;

    private Voting voting;
    private List<ModelSnapshot> models;

    @BeforeEach
    void setUp() {
        voting = new Voting(users, campaigns, comparisons);
        models = asAdmin(() -> ComparisonTestModels.ensure(registry));
    }

    @Test
    void eachTaskIsRatedFromItsOwnVotesAndANewVoteIsSeenAtOnce() throws InterruptedException {
        String worker = voting.user("rater", Role.WORKER);
        Campaign helpful = voting.campaign(ComparisonTask.HELPFULNESS, models);
        Campaign harmless = voting.campaign(ComparisonTask.HARMLESSNESS, models);
        voting.vote(worker, helpful, Choice.A_BETTER);
        voting.vote(worker, helpful, Choice.TIE);
        voting.vote(worker, harmless, Choice.B_BETTER);

        List<RatingQuery> queries = List.of(
                RatingQuery.defaults(ComparisonTask.HELPFULNESS),
                new RatingQuery(ComparisonTask.HARMLESSNESS, RatingMethod.ELO, null, 20));
        for (RatingQuery query : queries) {
            Leaderboard board = researcher(() -> ratings.leaderboard(query));
            List<RatingVote> votes = researcher(() -> comparisons.votesForRatings(query.task()));
            assertThat(board.task()).isEqualTo(query.task());
            assertThat(board.method()).isEqualTo(query.method());
            assertThat(board.battles()).isEqualTo(votes.size());
            for (LeaderboardEntry e : board.entries()) {
                assertThat(e.votes())
                        .as(e.snapshot())
                        .isEqualTo(votes.stream()
                                .filter(v -> v.snapshotAName().equals(e.snapshot())
                                        || v.snapshotBName().equals(e.snapshot()))
                                .count());
                // a bootstrap round that redraws the same votes gives the point rating again, summed in another
                // order: equal up to rounding (one run saw the bound 1 ulp above the rating)
                assertThat(e.lower()).isLessThanOrEqualTo(e.rating() + 1e-9);
                assertThat(e.upper()).isGreaterThanOrEqualTo(e.rating() - 1e-9);
                assertThat(e.snapshotId()).isNotNull();
            }
            // other tests share the database: every snapshot of the task's votes is rated, whoever cast them
            assertThat(board.entries())
                    .extracting(LeaderboardEntry::snapshot)
                    .containsExactlyInAnyOrderElementsOf(votes.stream()
                            .flatMap(v -> java.util.stream.Stream.of(v.snapshotAName(), v.snapshotBName()))
                            .distinct()
                            .toList());
        }

        Leaderboard before = researcher(() -> ratings.leaderboard(queries.getFirst()));
        assertThat(researcher(() -> ratings.leaderboard(queries.getFirst())))
                .as("cached")
                .isSameAs(before);
        Leaderboard harmBefore = researcher(() -> ratings.leaderboard(queries.get(1)));
        List<DashboardChange> notices = new CopyOnWriteArrayList<>();
        try (RatingsSubscription ignored = researcher(() -> ratings.subscribe(notices::add))) {
            voting.vote(worker, helpful, Choice.B_BETTER);
            Leaderboard after = researcher(() -> ratings.leaderboard(queries.getFirst()));
            assertThat(after.battles()).isEqualTo(before.battles() + 1);
            assertThat(researcher(() -> ratings.leaderboard(queries.get(1))))
                    .as("other task still cached")
                    .isSameAs(harmBefore);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (notices.stream().noneMatch(n -> n.tasks().contains(ComparisonTask.HELPFULNESS))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(notices).anySatisfy(n -> assertThat(n.tasks()).contains(ComparisonTask.HELPFULNESS));
        }
    }

    @Test
    void anExcludedWorkersVotesLeaveTheRatings() {
        String careless = voting.user("careless", Role.WORKER);
        Campaign helpful = voting.campaign(ComparisonTask.HELPFULNESS, models);
        voting.vote(careless, helpful, Choice.A_BETTER);
        voting.vote(careless, helpful, Choice.A_BETTER);
        RatingQuery query = new RatingQuery(ComparisonTask.HELPFULNESS, RatingMethod.BT, null, 0);
        long with = researcher(() -> ratings.leaderboard(query)).battles();
        long workerId = as(careless, Role.WORKER, () -> users.currentUser().id());

        asAdmin(() -> {
            quality.setExcluded(workerId, true);
            return null;
        });
        assertThat(researcher(() -> ratings.leaderboard(query)).battles()).isEqualTo(with - 2);
        asAdmin(() -> {
            quality.setExcluded(workerId, false);
            return null;
        });
        assertThat(researcher(() -> ratings.leaderboard(query)).battles()).isEqualTo(with);
    }

    @Test
    void theFrontierPlacesSnapshotsRatedInBothTasksAndAnchorsAreChecked() {
        String worker = voting.user("both", Role.WORKER);
        voting.vote(worker, voting.campaign(ComparisonTask.HELPFULNESS, models), Choice.A_BETTER);
        voting.vote(worker, voting.campaign(ComparisonTask.HARMLESSNESS, models), Choice.A_BETTER);
        Frontier frontier = researcher(
                () -> ratings.frontier(new RatingQuery(ComparisonTask.HELPFULNESS, RatingMethod.BT, null, 10)));
        assertThat(frontier.points()).isNotEmpty();
        assertThat(frontier.frontier()).isNotEmpty().allMatch(FrontierPoint::onFrontier);

        String anchor = frontier.points().getFirst().snapshot();
        Leaderboard anchored =
                researcher(() -> ratings.leaderboard(ComparisonTask.HELPFULNESS, RatingMethod.BT, anchor, 10));
        assertThat(anchored.entry(anchor).orElseThrow().rating()).isZero();
        assertThatThrownBy(() -> researcher(
                        () -> ratings.leaderboard(ComparisonTask.HELPFULNESS, RatingMethod.BT, "no-such-snapshot", 10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-snapshot");
    }

    @Test
    void onlyResearchersAndAdminsReadRatings() {
        assertThatThrownBy(() -> as(
                        "someone",
                        Role.WORKER,
                        () -> ratings.leaderboard(RatingQuery.defaults(ComparisonTask.HELPFULNESS))))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(asAdmin(() -> ratings.leaderboard(RatingQuery.defaults(ComparisonTask.HELPFULNESS))))
                .isNotNull();
    }

    private static <T> T researcher(java.util.concurrent.Callable<T> action) {
        return as("researcher", Role.RESEARCHER, action);
    }
}
