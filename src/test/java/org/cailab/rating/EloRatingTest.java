package org.cailab.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EloRatingTest {

    @Test
    void updatesMatchHandComputedNumbers() {
        EloRating elo = new EloRating(EloSettings.arena());
        // Equal ratings expect 0.5 each: the winner gains K/2 = 2.
        elo.update(new Battle("a", "b", Outcome.A_WINS));
        assertThat(elo.rating("a")).isEqualTo(1002.0);
        assertThat(elo.rating("b")).isEqualTo(998.0);
        // a is 4 points up: expected 1/(1+10^(-4/400)) = 0.5057562; a loses 4 * 0.5057562.
        elo.update(new Battle("b", "a", Outcome.A_WINS));
        assertThat(elo.rating("a")).isCloseTo(999.9769751663554, within(1e-9));
        assertThat(elo.rating("b")).isCloseTo(1000.0230248336446, within(1e-9));
        // A tie moves the higher-rated model down a little.
        elo.update(new Battle("a", "b", Outcome.TIE));
        assertThat(elo.rating("a")).isCloseTo(999.9772402495474, within(1e-9));
        assertThat(elo.rating("b")).isCloseTo(1000.0227597504526, within(1e-9));
        assertThat(elo.rating("never-played")).isEqualTo(1000.0);
    }

    @Test
    void largerKAndAnotherStartingRating() {
        EloRating elo = new EloRating(new EloSettings(32, 10, 400, 1200));
        elo.update(new Battle("x", "y", Outcome.B_WINS));
        assertThat(elo.rating("y")).isEqualTo(1216.0);
        assertThat(elo.rating("x")).isEqualTo(1184.0);
        // x, 32 down, expected 1/(1+10^(32/400)) = 0.4540781 and wins: +32 * 0.5459219 = 17.4695.
        elo.update(new Battle("x", "y", Outcome.A_WINS));
        assertThat(elo.rating("x")).isCloseTo(1201.4695015289756, within(1e-9));
        assertThat(elo.rating("y")).isCloseTo(1198.5304984710244, within(1e-9));
    }

    @Test
    void winProbabilityFromEloDifference() {
        assertThat(EloRating.winProbability(0)).isEqualTo(0.5);
        assertThat(EloRating.winProbability(400)).isCloseTo(10.0 / 11, within(1e-15));
        assertThat(EloRating.winProbability(-400)).isCloseTo(1.0 / 11, within(1e-15));
        assertThat(EloRating.winProbability(200)).isCloseTo(0.7597469266479578, within(1e-15));
        assertThat(EloRating.winProbability(123) + EloRating.winProbability(-123))
                .isCloseTo(1.0, within(1e-15));
        assertThat(EloSettings.arena().pointsPerLogit()).isCloseTo(173.7177927613007, within(1e-9));
    }

    @Test
    void indexedRunMatchesOneBattleAtATime() {
        BattleSimulator sim = new BattleSimulator(new double[] {1100, 1000, 900}, 0.3, 7);
        BattleLog log = new BattleLog();
        EloRating elo = new EloRating(EloSettings.arena().withK(16));
        sim.feed(2000, b -> {
            log.accept(b);
            elo.update(b);
        });
        double[] indexed = EloRating.run(log, EloSettings.arena().withK(16));
        List<String> models = log.models();
        for (int i = 0; i < models.size(); i++) {
            assertThat(indexed[i]).isCloseTo(elo.rating(models.get(i)), within(1e-9));
        }
        // Zero-sum updates keep the mean at the initial rating.
        assertThat((indexed[0] + indexed[1] + indexed[2]) / 3).isCloseTo(1000.0, within(1e-9));
    }

    @Test
    void recoversTrueRatingsWithinIntervals() {
        double[] truth = {1150, 1080, 1000, 950, 880, 840};
        BattleSimulator sim = new BattleSimulator(truth, 0.3, 11);
        BattleLog log = new BattleLog();
        sim.feed(120_000, log);
        Anchor anchor = Anchor.arena();
        RatingReport report = Ratings.elo(log, EloSettings.arena(), new BootstrapSettings(60, 0.95, 3), anchor);
        double[] expected = sim.truth(log.models(), anchor);
        for (int i = 0; i < expected.length; i++) {
            ModelRating r = report.rating(log.models().get(i));
            // Online Elo with K=4 jitters by roughly +-10 around the truth; it also lags, so
            // allow a tolerance rather than insist on the (order-shuffled) bootstrap interval.
            assertThat(r.rating()).as(r.model()).isCloseTo(expected[i], within(25.0));
            assertThat(expected[i]).as(r.model()).isBetween(r.lower() - 15, r.upper() + 15);
        }
        assertThat(report.ratings())
                .extracting(ModelRating::model)
                .containsExactly("m00", "m01", "m02", "m03", "m04", "m05");
    }
}
