package org.cailab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cailab.comparison.ComparisonTask.HARMLESSNESS;
import static org.cailab.comparison.ComparisonTask.HELPFULNESS;
import static org.cailab.dashboard.Boards.board;
import static org.cailab.dashboard.Boards.entry;

import org.junit.jupiter.api.Test;

class FrontierTest {

    @Test
    void joinsBothTasksMarksTheNonDominatedAndOrdersRunsByStep() {
        Leaderboard help = board(
                HELPFULNESS,
                entry("rl-300", 1100, 7L, 300L),
                entry("rl-100", 1000, 7L, 100L),
                entry("sl", 1050, 3L, 50L),
                entry("base", 900, null, null),
                entry("help-only", 1200, null, null));
        Leaderboard harm = board(
                HARMLESSNESS,
                entry("rl-100", 1000, 7L, 100L),
                entry("rl-300", 1150, 7L, 300L),
                entry("sl", 1100, 3L, 50L),
                entry("base", 1200, null, null),
                entry("harm-only", 800, null, null));

        Frontier frontier = Frontier.of(help, harm);

        assertThat(frontier.points())
                .extracting(FrontierPoint::snapshot)
                .containsExactly("base", "rl-100", "rl-300", "sl");
        // rl-300 (1100, 1150) dominates sl (1050, 1100) and rl-100; base is the most harmless
        assertThat(frontier.frontier()).extracting(FrontierPoint::snapshot).containsExactly("base", "rl-300");
        assertThat(frontier.points())
                .filteredOn(FrontierPoint::onFrontier)
                .extracting(FrontierPoint::snapshot)
                .containsExactlyInAnyOrder("base", "rl-300");
        assertThat(frontier.runs()).containsOnlyKeys(3L, 7L);
        assertThat(frontier.runs().get(7L)).extracting(FrontierPoint::step).containsExactly(100L, 300L);
        assertThat(frontier.onlyOneTask()).containsExactly("harm-only", "help-only");
        FrontierPoint rl = frontier.points().get(2);
        assertThat(rl.helpfulness().rating()).isEqualTo(1100);
        assertThat(rl.harmlessness().rating()).isEqualTo(1150);
    }

    @Test
    void noVotesNoPoints() {
        Frontier frontier = Frontier.of(board(HELPFULNESS), board(HARMLESSNESS));
        assertThat(frontier.points()).isEmpty();
        assertThat(frontier.frontier()).isEmpty();
        assertThat(frontier.runs()).isEmpty();
    }
}
