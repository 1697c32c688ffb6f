package org.cailab.comparison;

import java.util.List;
import java.util.random.RandomGenerator;
import org.cailab.crowdwork.PoolSnapshot;

/**
 * Draws the two snapshots of a comparison and puts them on random sides, so that position says nothing about the
 * model.
 */
final class PairDrawer {

    /** The drawn pair: {@code a} is shown on side A, {@code b} on side B. */
    record Pair(PoolSnapshot a, PoolSnapshot b) {}

    private PairDrawer() {}

    static Pair draw(List<PoolSnapshot> pool, PairDrawing drawing, RandomGenerator random) {
        if (pool.size() < 2) {
            throw new ComparisonException("This campaign needs at least two models in its pool.");
        }
        int[] pair = switch (drawing) {
            case UNIFORM -> uniform(pool.size(), random);
            case WEIGHTED -> weighted(pool, random);
        };
        boolean swap = random.nextBoolean();
        PoolSnapshot first = pool.get(pair[0]);
        PoolSnapshot second = pool.get(pair[1]);
        return swap ? new Pair(second, first) : new Pair(first, second);
    }

    /** First index uniform, second uniform among the others: every unordered pair has probability 2/(n(n-1)). */
    private static int[] uniform(int n, RandomGenerator random) {
        int i = random.nextInt(n);
        int j = random.nextInt(n - 1);
        if (j >= i) {
            j++;
        }
        return new int[] {i, j};
    }

    /** Pair {i, j} with probability proportional to w_i * w_j, by walking the cumulative weights of all pairs. */
    private static int[] weighted(List<PoolSnapshot> pool, RandomGenerator random) {
        int n = pool.size();
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                total += pool.get(i).weight() * pool.get(j).weight();
            }
        }
        double target = random.nextDouble() * total;
        double cumulative = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                cumulative += pool.get(i).weight() * pool.get(j).weight();
                if (target < cumulative) {
                    return new int[] {i, j};
                }
            }
        }
        return new int[] {n - 2, n - 1};
    }
}
