package org.cailab.rating;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Online Elo: each battle moves the two ratings by {@code K * (score - expected score)}, in the
 * order the battles happened. Cheap and familiar, but order-dependent and noisy; the
 * {@link BradleyTerry} fit is the better estimate of a fixed set of models.
 */
public final class EloRating {

    private final EloSettings settings;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    // Plain doubles by index: a map of boxed Doubles would allocate on every update.
    private double[] values = new double[16];

    public EloRating(EloSettings settings) {
        this.settings = settings;
    }

    /** Win probability implied by an Elo difference {@code diff} on the standard scale: 1/(1+10^(-diff/400)). */
    public static double winProbability(double diff) {
        return 1 / (1 + Math.pow(10, -diff / 400));
    }

    /** Applies one battle. */
    public void update(Battle battle) {
        int a = indexOf(battle.modelA());
        int b = indexOf(battle.modelB());
        double delta = settings.k() * (battle.outcome().scoreA() - settings.expectedScore(values[a] - values[b]));
        values[a] += delta;
        values[b] -= delta;
    }

    /** Current rating of a model; the initial rating if it has not battled yet. */
    public double rating(String model) {
        Integer at = index.get(model);
        return at == null ? settings.initial() : values[at];
    }

    /** Current ratings, in order of first appearance. */
    public Map<String, Double> ratings() {
        Map<String, Double> copy = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            copy.put(names.get(i), values[i]);
        }
        return Collections.unmodifiableMap(copy);
    }

    private int indexOf(String model) {
        Integer known = index.get(model);
        if (known != null) {
            return known;
        }
        int next = names.size();
        if (next == values.length) {
            values = Arrays.copyOf(values, next * 2);
        }
        values[next] = settings.initial();
        names.add(model);
        index.put(model, next);
        return next;
    }

    /** Runs online Elo over the whole log in its order; result indexed like {@link BattleLog#models()}. */
    public static double[] run(BattleLog log, EloSettings settings) {
        double[] r = initial(log, settings);
        for (int i = 0; i < log.size(); i++) {
            apply(r, log, i, settings);
        }
        return r;
    }

    /**
     * Runs online Elo over a bootstrap replicate of the log: as many battles as the log holds,
     * drawn with replacement in random order (the arena's Elo bootstrap).
     */
    public static double[] runResampled(BattleLog log, EloSettings settings, RandomGenerator rng) {
        double[] r = initial(log, settings);
        int n = log.size();
        for (int i = 0; i < n; i++) {
            apply(r, log, rng.nextInt(n), settings);
        }
        return r;
    }

    private static double[] initial(BattleLog log, EloSettings settings) {
        double[] r = new double[log.modelCount()];
        Arrays.fill(r, settings.initial());
        return r;
    }

    private static void apply(double[] r, BattleLog log, int battle, EloSettings settings) {
        int a = log.modelA(battle);
        int b = log.modelB(battle);
        double delta = settings.k() * (log.outcome(battle).scoreA() - settings.expectedScore(r[a] - r[b]));
        r[a] += delta;
        r[b] -= delta;
    }
}
