package org.cailab.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static final double[] TRUTH = {1150, 1100, 1000, 980, 900, 850};

    @Test
    void ninetyFivePercentIntervalsCoverTheTruthAboutNinetyFivePercentOfTheTime() {
        // Percentile intervals from a few hundred rounds run slightly narrow (about 0.93 at 100
        // rounds, 0.95 at 1000 over 300 simulations); 200 rounds keeps this test fast.
        assertThat(coverage(0.95)).isBetween(0.88, 0.99);
    }

    @Test
    void fiftyPercentIntervalsCoverAboutHalfTheTime() {
        // Guards the test above against intervals that are merely wide.
        assertThat(coverage(0.50)).isBetween(0.38, 0.62);
    }

    /** Share of (simulation, model) cases whose anchored interval holds the true rating. */
    private static double coverage(double level) {
        int covered = 0;
        int cases = 0;
        Anchor anchor = Anchor.toModel("m02");
        for (int s = 0; s < 100; s++) {
            BattleSimulator sim = new BattleSimulator(TRUTH, 0.3, 1000 + s);
            BattleTally tally = new BattleTally();
            sim.feed(1500, tally);
            PairCounts counts = tally.toCounts();
            RatingReport report = Ratings.bradleyTerry(
                    counts, BradleyTerrySettings.defaults(), new BootstrapSettings(200, level, s), anchor);
            double[] truth = sim.truth(counts.models(), anchor);
            for (int i = 0; i < truth.length; i++) {
                ModelRating r = report.rating(counts.models().get(i));
                if (r.model().equals("m02")) {
                    assertThat(r.lower()).isZero();
                    assertThat(r.upper()).isZero();
                    continue;
                }
                cases++;
                if (truth[i] >= r.lower() && truth[i] <= r.upper()) {
                    covered++;
                }
            }
        }
        return (double) covered / cases;
    }

    @Test
    void sameSeedSameIntervalsWhateverTheThreads() {
        BattleTally tally = new BattleTally();
        new BattleSimulator(TRUTH, 0.2, 9).feed(3000, tally);
        PairCounts counts = tally.toCounts();
        BootstrapSettings settings = new BootstrapSettings(64, 0.95, 123);
        RatingReport first = Ratings.bradleyTerry(counts, BradleyTerrySettings.defaults(), settings, Anchor.arena());
        RatingReport second = Ratings.bradleyTerry(counts, BradleyTerrySettings.defaults(), settings, Anchor.arena());
        assertThat(second).isEqualTo(first);
        RatingReport other = Ratings.bradleyTerry(
                counts, BradleyTerrySettings.defaults(), new BootstrapSettings(64, 0.95, 124), Anchor.arena());
        assertThat(other.ratings().getFirst().lower())
                .isNotEqualTo(first.ratings().getFirst().lower());
        assertThat(other.ratings().getFirst().rating())
                .isEqualTo(first.ratings().getFirst().rating());
    }

    @Test
    void noRoundsMeansIntervalsCollapseToTheEstimate() {
        PairCounts counts =
                new PairCounts.Builder(List.of("a", "b")).pair(0, 1, 30, 10, 5).build();
        RatingReport report =
                Ratings.bradleyTerry(counts, BradleyTerrySettings.defaults(), BootstrapSettings.none(), Anchor.arena());
        for (ModelRating r : report.ratings()) {
            assertThat(r.lower()).isEqualTo(r.rating());
            assertThat(r.upper()).isEqualTo(r.rating());
        }
        assertThat(report.ratings()).extracting(ModelRating::rank).containsExactly(1, 2);
    }

    @Test
    void percentilesInterpolateLinearly() {
        double[] sorted = {1, 2, 3, 4, 5};
        assertThat(Bootstrap.quantile(sorted, 0.0)).isEqualTo(1.0);
        assertThat(Bootstrap.quantile(sorted, 1.0)).isEqualTo(5.0);
        assertThat(Bootstrap.quantile(sorted, 0.5)).isEqualTo(3.0);
        assertThat(Bootstrap.quantile(sorted, 0.025)).isCloseTo(1.1, within(1e-12));
        assertThat(Bootstrap.quantile(sorted, 0.975)).isCloseTo(4.9, within(1e-12));
        double[][] bounds = Bootstrap.percentileIntervals(new double[][] {{3, 10}, {1, 30}, {2, 20}}, 2, 0.5);
        assertThat(bounds[0]).containsExactly(1.5, 15.0);
        assertThat(bounds[1]).containsExactly(2.5, 25.0);
    }
}
