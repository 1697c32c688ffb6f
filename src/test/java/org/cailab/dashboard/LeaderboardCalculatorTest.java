package org.cailab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cailab.comparison.ComparisonTask;
import org.cailab.comparison.Outcome;
import org.cailab.comparison.RatingVote;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.SnapshotKind;
import org.junit.jupiter.api.Test;

class LeaderboardCalculatorTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-27T10:00:00Z");
    private static final Map<Long, ModelSnapshot> SNAPSHOTS =
            Map.of(1L, snapshot(1, "strong", 5L, 200L), 2L, snapshot(2, "weak", 5L, 100L));

    @Test
    void bradleyTerryRanksTheSnapshotThatWinsMoreWithIntervalsAndProvenance() {
        List<RatingVote> votes = votes(30, 10, 5);
        Leaderboard board = LeaderboardCalculator.compute(
                new RatingQuery(ComparisonTask.HELPFULNESS, RatingMethod.BT, null, 50), votes, SNAPSHOTS, 0.1, NOW);
        assertThat(board.battles()).isEqualTo(45);
        assertThat(board.entries()).extracting(LeaderboardEntry::snapshot).containsExactly("strong", "weak");
        LeaderboardEntry strong = board.entries().getFirst();
        assertThat(strong.rating()).isGreaterThan(1000);
        assertThat(strong.lower()).isLessThan(strong.rating());
        assertThat(strong.upper()).isGreaterThan(strong.rating());
        assertThat(strong.votes()).isEqualTo(45);
        assertThat(strong.step()).isEqualTo(200L);
        assertThat(strong.runId()).isEqualTo(5L);
        assertThat(strong.snapshotId()).isEqualTo(1L);
        assertThat(strong.rating() + board.entries().get(1).rating())
                .isCloseTo(2000, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aSingleVoteStillGivesFiniteRatingsThanksToThePrior() {
        Leaderboard board = LeaderboardCalculator.compute(
                RatingQuery.defaults(ComparisonTask.HELPFULNESS), votes(1, 0, 0), SNAPSHOTS, 0.1, NOW);
        assertThat(board.converged()).isTrue();
        assertThat(board.entries().getFirst().rating()).isBetween(1000.0, 1300.0);
    }

    @Test
    void eloAndAnAnchor() {
        Leaderboard board = LeaderboardCalculator.compute(
                new RatingQuery(ComparisonTask.HARMLESSNESS, RatingMethod.ELO, "weak", 0),
                votes(20, 5, 0),
                SNAPSHOTS,
                0.1,
                NOW);
        assertThat(board.anchor()).isEqualTo("weak");
        assertThat(board.entry("weak").orElseThrow().rating()).isZero();
        assertThat(board.entry("strong").orElseThrow().rating()).isPositive();
        assertThat(board.entry("strong").orElseThrow().lower())
                .isEqualTo(board.entry("strong").orElseThrow().rating());
    }

    @Test
    void anAnchorWithoutVotesIsRefusedAndNoVotesGiveAnEmptyBoard() {
        assertThatThrownBy(() -> LeaderboardCalculator.compute(
                        new RatingQuery(ComparisonTask.HELPFULNESS, RatingMethod.BT, "nobody", 10),
                        votes(3, 1, 0),
                        SNAPSHOTS,
                        0.1,
                        NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nobody");
        Leaderboard empty = LeaderboardCalculator.compute(
                RatingQuery.defaults(ComparisonTask.HELPFULNESS), List.of(), SNAPSHOTS, 0.1, NOW);
        assertThat(empty.entries()).isEmpty();
        assertThat(empty.battles()).isZero();
    }

    private static List<RatingVote> votes(int strongWins, int weakWins, int ties) {
        List<RatingVote> votes = new ArrayList<>();
        long id = 1;
        for (int i = 0; i < strongWins + weakWins + ties; i++) {
            Outcome outcome =
                    i < strongWins ? Outcome.A_WINS : i < strongWins + weakWins ? Outcome.B_WINS : Outcome.TIE;
            boolean swap = i % 2 == 1;
            if (swap && outcome != Outcome.TIE) {
                outcome = outcome == Outcome.A_WINS ? Outcome.B_WINS : Outcome.A_WINS;
            }
            votes.add(
                    swap
                            ? new RatingVote(
                                    id++, 1, "c", 2, "weak", 1, "strong", outcome, null, null, NOW.plusSeconds(i))
                            : new RatingVote(
                                    id++, 1, "c", 1, "strong", 2, "weak", outcome, null, null, NOW.plusSeconds(i)));
        }
        return votes;
    }

    private static ModelSnapshot snapshot(long id, String name, Long run, Long step) {
        return new ModelSnapshot(id, name, SnapshotKind.RL_CAI, "/x", null, run, step, NOW);
    }
}
