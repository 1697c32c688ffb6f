package org.cailab.rating;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Simulates battles between models with known true Elo ratings. Pairs are uniform, sides random;
 * a share of the would-be decisive results become draws, taken evenly from both sides so that a
 * model's expected score stays exactly the Elo win probability (which keeps half-counted ties
 * consistent with the true ratings).
 */
final class BattleSimulator {

    private final double[] ratings;
    private final List<String> names = new ArrayList<>();
    private final double drawShare;
    private final SplittableRandom random;

    BattleSimulator(double[] ratings, double drawShare, long seed) {
        this.ratings = ratings.clone();
        this.drawShare = drawShare;
        this.random = new SplittableRandom(seed);
        for (int i = 0; i < ratings.length; i++) {
            names.add(String.format("m%02d", i));
        }
    }

    /** Evenly spaced ratings from {@code low} to {@code high}. */
    static double[] spread(int models, double low, double high) {
        double[] r = new double[models];
        for (int i = 0; i < models; i++) {
            r[i] = low + (high - low) * i / (models - 1);
        }
        return r;
    }

    List<String> names() {
        return names;
    }

    double[] ratings() {
        return ratings.clone();
    }

    /** Feeds {@code n} battles to {@code sink}. */
    void feed(long n, Consumer<Battle> sink) {
        for (long k = 0; k < n; k++) {
            sink.accept(next());
        }
    }

    Battle next() {
        int a = random.nextInt(ratings.length);
        int b = random.nextInt(ratings.length - 1);
        if (b >= a) {
            b++;
        }
        double p = EloRating.winProbability(ratings[a] - ratings[b]);
        double draw = drawShare * 2 * Math.min(p, 1 - p);
        double u = random.nextDouble();
        Outcome outcome = u < p - draw / 2
                ? Outcome.A_WINS
                : u < p + draw / 2 ? (random.nextBoolean() ? Outcome.TIE : Outcome.BOTH_BAD) : Outcome.B_WINS;
        return new Battle(names.get(a), names.get(b), outcome);
    }

    /** True ratings indexed like {@code models}, shifted by {@code anchor} like estimates are. */
    double[] truth(List<String> models, Anchor anchor) {
        double[] t = new double[models.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = ratings[names.indexOf(models.get(i))];
        }
        return anchor.apply(t, models);
    }
}
