package org.cailab.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BradleyTerryTest {

    private static final double POINTS = 400 / Math.log(10);

    @Test
    void twoModelsGiveTheLogOddsOfTheScore() {
        List<String> models = List.of("a", "b");
        PairCounts wins = new PairCounts.Builder(models).pair(0, 1, 75, 25, 0).build();
        double[] r = BradleyTerry.fit(wins, BradleyTerrySettings.defaults()).eloScale();
        assertThat(r[0] - r[1]).isCloseTo(400 * Math.log10(3), within(1e-9)); // 190.85
        // 60 wins, 20 losses, 20 draws: score 0.7, so 400*log10(0.7/0.3) = 147.19.
        PairCounts draws = new PairCounts.Builder(models).pair(1, 0, 20, 60, 20).build();
        double[] d = BradleyTerry.fit(draws, BradleyTerrySettings.defaults()).eloScale();
        assertThat(d[0] - d[1]).isCloseTo(400 * Math.log10(7.0 / 3), within(1e-9));
        assertThat(d[0] + d[1]).isCloseTo(0, within(1e-12));
    }

    @Test
    void matchesIndependentLogisticRegressionOnUnaggregatedBattles() {
        BattleSimulator sim = new BattleSimulator(new double[] {1200, 1100, 1050, 1000, 900, 700}, 0.4, 5);
        BattleTally tally = new BattleTally();
        List<Battle> battles = new ArrayList<>();
        sim.feed(4000, b -> {
            tally.accept(b);
            battles.add(b);
        });
        PairCounts counts = tally.toCounts();

        BradleyTerryFit fit = BradleyTerry.fit(counts, BradleyTerrySettings.defaults());
        assertThat(fit.converged()).isTrue();
        assertThat(fit.iterations()).isLessThanOrEqualTo(10);
        double[] theta = logisticRegression(counts, battles, 0, true);
        double[] r = fit.eloScale();
        for (int i = 1; i < r.length; i++) {
            assertThat(r[i] - r[0]).as(counts.models().get(i)).isCloseTo(POINTS * theta[i], within(1e-6));
        }

        double prior = 2.5;
        double[] penalised = BradleyTerry.fit(
                        counts, BradleyTerrySettings.defaults().withPrior(prior))
                .strengths();
        double[] ridge = logisticRegression(counts, battles, prior, false);
        for (int i = 0; i < r.length; i++) {
            assertThat(POINTS * penalised[i]).isCloseTo(POINTS * ridge[i], within(1e-6));
        }
        // The prior pulls strengths in, so the spread must shrink.
        assertThat(penalised[0] - penalised[5]).isLessThan(theta[0] - theta[5] - 0.01);
    }

    @Test
    void recoversTrueRatingsWithinIntervals() {
        double[] truth = {1180, 1120, 1100, 1040, 1000, 960, 900, 800};
        BattleSimulator sim = new BattleSimulator(truth, 0.3, 17);
        BattleTally tally = new BattleTally();
        sim.feed(60_000, tally);
        Anchor anchor = Anchor.arena();
        RatingReport report = Ratings.bradleyTerry(
                tally.toCounts(), BradleyTerrySettings.defaults(), new BootstrapSettings(200, 0.95, 1), anchor);
        double[] expected = sim.truth(tally.toCounts().models(), anchor);
        int inside = 0;
        for (int i = 0; i < expected.length; i++) {
            ModelRating r = report.rating(sim.names().get(i));
            double width = r.upper() - r.lower();
            assertThat(width).as(r.model()).isBetween(5.0, 40.0);
            // Four standard errors (a 95% interval spans about four): fails only on a real bias.
            assertThat(r.rating()).as(r.model()).isCloseTo(expected[i], within(width));
            if (expected[i] >= r.lower() && expected[i] <= r.upper()) {
                inside++;
            }
        }
        assertThat(inside).isGreaterThanOrEqualTo(6);
        assertThat(report.converged()).isTrue();
        assertThat(report.unconvergedRounds()).isZero();
    }

    @Test
    void disconnectedModelsAreRefusedUnlessAPriorIsGiven() {
        PairCounts counts = new PairCounts.Builder(List.of("a", "b", "c", "d"))
                .pair(0, 1, 5, 3, 1)
                .pair(2, 3, 2, 2, 0)
                .build();
        assertThatThrownBy(() -> BradleyTerry.fit(counts, BradleyTerrySettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 groups")
                .hasMessageContaining("[a, b]")
                .hasMessageContaining("[c, d]");
        BradleyTerryFit fit =
                BradleyTerry.fit(counts, BradleyTerrySettings.defaults().withPrior(0.1));
        assertThat(fit.converged()).isTrue();
    }

    @Test
    void aModelThatNeverLostDoesNotConvergeWithoutAPrior() {
        PairCounts counts = new PairCounts.Builder(List.of("a", "b", "c"))
                .pair(0, 1, 10, 0, 0)
                .pair(0, 2, 7, 0, 0)
                .pair(1, 2, 4, 6, 2)
                .build();
        BradleyTerryFit plain = BradleyTerry.fit(counts, BradleyTerrySettings.defaults());
        assertThat(plain.converged()).isFalse();
        assertThat(ComparisonGraph.stronglyConnected(counts)).isFalse();
        assertThat(java.util.Arrays.stream(plain.strengths()).allMatch(Double::isFinite))
                .isTrue();
        BradleyTerryFit tiny =
                BradleyTerry.fit(counts, BradleyTerrySettings.defaults().withPrior(1e-6));
        assertThat(tiny.converged()).isTrue();
        assertThat(tiny.strengths()[0]).isGreaterThan(tiny.strengths()[1] + 5);
        // One draw is enough for a finite estimate.
        PairCounts drawn = new PairCounts.Builder(List.of("a", "b", "c"))
                .pair(0, 1, 10, 0, 1)
                .pair(0, 2, 7, 0, 0)
                .pair(1, 2, 4, 6, 2)
                .build();
        assertThat(BradleyTerry.fit(drawn, BradleyTerrySettings.defaults()).converged())
                .isTrue();
    }

    /**
     * Plain logistic regression by Newton's method on one row per battle, a draw being the label
     * 0.5: features +1 for model A and -1 for model B. Without a prior model 0 is dropped (strength 0)
     * to make the problem identifiable; with a ridge prior all strengths are free.
     */
    private static double[] logisticRegression(
            PairCounts counts, List<Battle> battles, double prior, boolean dropFirst) {
        int m = counts.modelCount();
        int offset = dropFirst ? 1 : 0;
        int k = m - offset;
        double[] theta = new double[m];
        for (int iteration = 0; iteration < 200; iteration++) {
            double[] gradient = new double[k];
            double[][] hessian = new double[k][k];
            for (Battle battle : battles) {
                int a = counts.indexOf(battle.modelA());
                int b = counts.indexOf(battle.modelB());
                double p = 1 / (1 + Math.exp(-(theta[a] - theta[b])));
                double residual = battle.outcome().scoreA() - p;
                double w = p * (1 - p);
                int[] idx = {a - offset, b - offset};
                double[] x = {1, -1};
                for (int u = 0; u < 2; u++) {
                    if (idx[u] < 0) {
                        continue;
                    }
                    gradient[idx[u]] += x[u] * residual;
                    for (int v = 0; v < 2; v++) {
                        if (idx[v] >= 0) {
                            hessian[idx[u]][idx[v]] += w * x[u] * x[v];
                        }
                    }
                }
            }
            for (int i = 0; i < k; i++) {
                gradient[i] -= prior * theta[i + offset];
                hessian[i][i] += prior;
            }
            double[] step = gaussianElimination(hessian, gradient);
            double moved = 0;
            for (int i = 0; i < k; i++) {
                theta[i + offset] += step[i];
                moved = Math.max(moved, Math.abs(step[i]));
            }
            if (moved < 1e-13) {
                break;
            }
        }
        return theta;
    }

    private static double[] gaussianElimination(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int row = 0; row < n; row++) {
                if (row != col) {
                    double f = m[row][col] / m[col][col];
                    for (int c = col; c <= n; c++) {
                        m[row][c] -= f * m[col][c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][n] / m[i][i];
        }
        return x;
    }
}
