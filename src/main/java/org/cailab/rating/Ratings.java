package org.cailab.rating;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Entry points that turn battles into a ranked {@link RatingReport} with bootstrap intervals. */
public final class Ratings {

    private Ratings() {}

    /**
     * Bradley-Terry ratings on the Elo scale with percentile intervals from a per-pair multinomial
     * bootstrap of the counts (each pair keeps its battle count, so the comparison graph, and with it
     * identifiability, is the same in every round).
     */
    public static RatingReport bradleyTerry(
            PairCounts counts, BradleyTerrySettings settings, BootstrapSettings bootstrap, Anchor anchor) {
        List<String> models = counts.models();
        BradleyTerryFit fit = BradleyTerry.fit(counts, settings);
        double[] rating = anchor.apply(fit.eloScale(), models);
        AtomicInteger unconverged = new AtomicInteger();
        double[] start = fit.strengths();
        double[][] samples = Bootstrap.replicate(bootstrap, rng -> {
            BradleyTerryFit round = BradleyTerry.fit(counts.resample(rng), settings, start);
            if (!round.converged()) {
                unconverged.incrementAndGet();
            }
            return anchor.apply(round.eloScale(), models);
        });
        double[][] bounds = bounds(samples, rating, bootstrap.level());
        return new RatingReport(
                "bt",
                RatingReport.table(models, rating, bounds[0], bounds[1], counts.votes()),
                counts.totalBattles(),
                bootstrap.rounds(),
                bootstrap.level(),
                anchor.modelName(),
                fit.iterations(),
                fit.converged(),
                unconverged.get());
    }

    /**
     * Online Elo over the battles in their order, with percentile intervals from rounds that run Elo
     * over battles drawn with replacement in random order (the arena's Elo bootstrap).
     */
    public static RatingReport elo(BattleLog log, EloSettings settings, BootstrapSettings bootstrap, Anchor anchor) {
        if (log.size() == 0) {
            throw new IllegalArgumentException("no battles to rate");
        }
        List<String> models = log.models();
        double[] rating = anchor.apply(EloRating.run(log, settings), models);
        double[][] samples =
                Bootstrap.replicate(bootstrap, rng -> anchor.apply(EloRating.runResampled(log, settings, rng), models));
        double[][] bounds = bounds(samples, rating, bootstrap.level());
        return new RatingReport(
                "elo",
                RatingReport.table(models, rating, bounds[0], bounds[1], log.votes()),
                log.size(),
                bootstrap.rounds(),
                bootstrap.level(),
                anchor.modelName(),
                1,
                true,
                0);
    }

    private static double[][] bounds(double[][] samples, double[] rating, double level) {
        if (samples.length == 0) {
            return new double[][] {rating.clone(), rating.clone()};
        }
        return Bootstrap.percentileIntervals(samples, rating.length, level);
    }
}
