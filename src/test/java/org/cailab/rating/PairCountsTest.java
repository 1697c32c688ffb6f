package org.cailab.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairCountsTest {

    private static PairCounts sample() {
        BattleTally tally = new BattleTally();
        tally.add("zeta", "alpha", Outcome.A_WINS);
        tally.add("alpha", "zeta", Outcome.A_WINS);
        tally.add("alpha", "zeta", Outcome.A_WINS);
        tally.add("zeta", "alpha", Outcome.TIE);
        tally.add("alpha", "beta", Outcome.BOTH_BAD);
        tally.add("beta", "alpha", Outcome.B_WINS);
        return tally.toCounts();
    }

    @Test
    void aggregatesWinsWithDrawsCountingHalf() {
        PairCounts counts = sample();
        assertThat(counts.models()).containsExactly("alpha", "beta", "zeta");
        assertThat(counts.totalBattles()).isEqualTo(6);
        assertThat(counts.votes()).containsExactly(6, 2, 4);
        double[][] wins = counts.winMatrix();
        assertThat(wins[0]).containsExactly(0, 1.5, 2.5);
        assertThat(wins[1]).containsExactly(0.5, 0, 0);
        assertThat(wins[2]).containsExactly(1.5, 0, 0);
        long[][] battles = counts.battleMatrix();
        assertThat(battles[0]).containsExactly(0, 2, 4);
        assertThat(battles[1]).containsExactly(2, 0, 0);
        assertThat(battles[2]).containsExactly(4, 0, 0);
        double[][] rate = counts.winRateMatrix();
        assertThat(rate[0][2]).isEqualTo(0.625);
        assertThat(rate[2][0]).isEqualTo(0.375);
        assertThat(rate[1][2]).isNaN();
        assertThat(rate[0][0]).isNaN();
    }

    @Test
    void tallyGrowsPastItsInitialCapacity() {
        BattleTally tally = new BattleTally();
        for (int i = 0; i < 40; i++) {
            tally.add("m" + i, "m" + (i + 1), Outcome.A_WINS);
        }
        PairCounts counts = tally.toCounts();
        assertThat(counts.modelCount()).isEqualTo(41);
        assertThat(counts.pairCount()).isEqualTo(40);
        assertThat(counts.winMatrix()[counts.indexOf("m7")][counts.indexOf("m8")])
                .isEqualTo(1.0);
        assertThat(counts.indexOf("nobody")).isEqualTo(-1);
    }

    @Test
    void countsDoNotDependOnTheOrderBattlesArrive() {
        List<Battle> battles = new ArrayList<>();
        new BattleSimulator(new double[] {1100, 1000, 900, 950, 1020}, 0.3, 8).feed(500, battles::add);
        BattleTally forward = new BattleTally();
        battles.forEach(forward);
        BattleTally backward = new BattleTally();
        battles.reversed().forEach(backward);
        PairCounts f = forward.toCounts();
        PairCounts b = backward.toCounts();
        assertThat(b.models()).isEqualTo(f.models());
        for (int p = 0; p < f.pairCount(); p++) {
            assertThat(new long[] {b.first(p), b.second(p), b.firstWins(p), b.secondWins(p), b.draws(p)})
                    .containsExactly(f.first(p), f.second(p), f.firstWins(p), f.secondWins(p), f.draws(p));
        }
        assertThat(b.resample(new SplittableRandom(3)).winMatrix())
                .isDeepEqualTo(f.resample(new SplittableRandom(3)).winMatrix());
    }

    @Test
    void resamplingKeepsEachPairsBattleCount() {
        BattleTally tally = new BattleTally();
        new BattleSimulator(new double[] {1100, 1000, 900, 950}, 0.3, 4).feed(5000, tally);
        PairCounts counts = tally.toCounts();
        PairCounts again = counts.resample(new SplittableRandom(5));
        assertThat(again.battleMatrix()).isDeepEqualTo(counts.battleMatrix());
        assertThat(again.winMatrix()).isNotEqualTo(counts.winMatrix());
        // A pair with only decisive results never draws a draw.
        PairCounts noDraws =
                new PairCounts.Builder(List.of("a", "b")).pair(0, 1, 7, 3, 0).build();
        assertThat(noDraws.resample(new SplittableRandom(1)).draws(0)).isZero();
    }

    @Test
    void builderMergesRepeatedPairsAndRejectsNonsense() {
        PairCounts counts = new PairCounts.Builder(List.of("a", "b"))
                .pair(0, 1, 1, 2, 3)
                .pair(1, 0, 10, 20, 30)
                .build();
        assertThat(counts.pairCount()).isEqualTo(1);
        assertThat(counts.firstWins(0)).isEqualTo(21);
        assertThat(counts.secondWins(0)).isEqualTo(12);
        assertThat(counts.draws(0)).isEqualTo(33);
        assertThatThrownBy(() -> new PairCounts.Builder(List.of("a", "b")).pair(0, 0, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PairCounts.Builder(List.of("a", "a")).build())
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> new Battle("x", "x", Outcome.TIE)).hasMessageContaining("itself");
    }
}
