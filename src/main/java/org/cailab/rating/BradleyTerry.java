package org.cailab.rating;

import java.util.Arrays;

/**
 * Bradley-Terry maximum likelihood on aggregated pair counts: P(i beats j) = sigmoid(s_i - s_j),
 * a draw counting as half a win for each side (as in the arena's logistic regression).
 *
 * <p>Newton's method on the counts: each step costs O(pairs + models^3), independent of the vote
 * count, and from zero it typically converges to 1e-10 in five to eight steps. The log-likelihood
 * only sees differences, so the Hessian is singular along the all-ones direction; adding a
 * multiple of the all-ones matrix fixes that direction without changing the step (the gradient is
 * orthogonal to it), which keeps the strengths mean zero throughout.
 *
 * <p>Without a prior the maximum likelihood estimate exists only if every model both scored
 * against and conceded to the rest in a chain (the directed "scored against" graph is strongly
 * connected): a model that never lost has no finite rating. The fit then stops where the
 * likelihood is flat to machine precision and reports {@code converged = false}.
 */
public final class BradleyTerry {

    private static final double JITTER = 1e-12;

    private BradleyTerry() {}

    /**
     * Fits strengths to the counts.
     *
     * @throws IllegalArgumentException if there are no models, or if the comparison graph is
     *                                  disconnected and {@code settings.prior()} is 0 (relative
     *                                  strengths of separate groups are then undefined)
     */
    public static BradleyTerryFit fit(PairCounts counts, BradleyTerrySettings settings) {
        return fit(counts, settings, new double[counts.modelCount()]);
    }

    /**
     * Fits starting from {@code start} (mean-zero strengths); bootstrap rounds start from the point
     * estimate and so need about half the Newton steps.
     */
    static BradleyTerryFit fit(PairCounts counts, BradleyTerrySettings settings, double[] start) {
        int m = counts.modelCount();
        if (m == 0) {
            throw new IllegalArgumentException("no models to rate");
        }
        boolean estimable = settings.prior() > 0;
        if (!estimable) {
            ComparisonGraph.requireConnected(counts);
            estimable = ComparisonGraph.stronglyConnected(counts);
        }
        double[] beta = start.clone();
        centre(beta);
        double current = logLikelihood(counts, beta, settings.prior());
        int iteration = 0;
        boolean converged = false;
        while (!converged && iteration < settings.maxIterations()) {
            iteration++;
            double[] step = newtonStep(counts, beta, settings.prior());
            double t = 1;
            double[] next = axpy(beta, t, step);
            double candidate = logLikelihood(counts, next, settings.prior());
            // Backtrack only on a real decrease; near the optimum rounding makes tiny "decreases".
            double slack = 1e-12 * (1 + Math.abs(current));
            for (int halvings = 0; candidate < current - slack && halvings < 50; halvings++) {
                t /= 2;
                next = axpy(beta, t, step);
                candidate = logLikelihood(counts, next, settings.prior());
            }
            double moved = 0;
            for (int i = 0; i < m; i++) {
                moved = Math.max(moved, Math.abs(next[i] - beta[i]));
            }
            beta = next;
            current = candidate;
            converged = moved < settings.tolerance();
        }
        centre(beta);
        return new BradleyTerryFit(counts.models(), beta, iteration, converged && estimable);
    }

    /** Penalised log-likelihood of strengths {@code beta}. */
    static double logLikelihood(PairCounts counts, double[] beta, double prior) {
        double sum = 0;
        for (int p = 0; p < counts.pairCount(); p++) {
            double d = beta[counts.first(p)] - beta[counts.second(p)];
            double half = 0.5 * counts.draws(p);
            sum += (counts.firstWins(p) + half) * logSigmoid(d) + (counts.secondWins(p) + half) * logSigmoid(-d);
        }
        double squares = 0;
        for (double b : beta) {
            squares += b * b;
        }
        return sum - 0.5 * prior * squares;
    }

    private static double[] newtonStep(PairCounts counts, double[] beta, double prior) {
        int m = beta.length;
        double[] gradient = new double[m];
        double[][] information = new double[m][m];
        for (int p = 0; p < counts.pairCount(); p++) {
            int i = counts.first(p);
            int j = counts.second(p);
            double d = beta[i] - beta[j];
            double win = sigmoid(d);
            double loss = sigmoid(-d);
            double half = 0.5 * counts.draws(p);
            // Written so neither term cancels to zero when a model far outclasses the other: the
            // usual n*p*(1-p) underflows once p rounds to 1, and the Hessian would turn singular.
            double residual = (counts.firstWins(p) + half) * loss - (counts.secondWins(p) + half) * win;
            gradient[i] += residual;
            gradient[j] -= residual;
            double w = counts.battles(p) * win * loss;
            information[i][i] += w;
            information[j][j] += w;
            information[i][j] -= w;
            information[j][i] -= w;
        }
        double scale = 0;
        for (int i = 0; i < m; i++) {
            scale = Math.max(scale, information[i][i]);
        }
        scale = scale > 0 ? scale : 1;
        for (int i = 0; i < m; i++) {
            gradient[i] -= prior * beta[i];
            // A jitter far below any real curvature keeps Cholesky stable when a model that never
            // lost drives its curvature towards zero; the fixed point (zero gradient) is unchanged.
            information[i][i] += prior + JITTER * scale;
            for (int j = 0; j < m; j++) {
                information[i][j] += scale / m;
            }
        }
        return LinearAlgebra.solveSpd(information, gradient);
    }

    private static double[] axpy(double[] x, double a, double[] y) {
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = x[i] + a * y[i];
        }
        return r;
    }

    private static void centre(double[] beta) {
        double mean = Arrays.stream(beta).average().orElse(0);
        for (int i = 0; i < beta.length; i++) {
            beta[i] -= mean;
        }
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    static double logSigmoid(double x) {
        return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
    }
}
