package org.cailab.rating;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Aggregates a stream of battles into per-pair outcome counts as they arrive, so memory grows with
 * the number of pairs that met, not the number of votes. Not thread-safe; feed it from one thread.
 */
public final class BattleTally implements Consumer<Battle> {

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    // Keyed by (lower index, higher index); values: lower's wins, higher's wins, draws.
    private final Map<Long, long[]> pairs = new HashMap<>();
    private long total;

    /** Records one battle. */
    @Override
    public void accept(Battle battle) {
        add(battle.modelA(), battle.modelB(), battle.outcome());
    }

    /** Records one battle between {@code modelA} and {@code modelB}. */
    public void add(String modelA, String modelB, Outcome outcome) {
        if (modelA.equals(modelB)) {
            throw new IllegalArgumentException("a model cannot battle itself: " + modelA);
        }
        int a = indexOf(modelA);
        int b = indexOf(modelB);
        long[] counts = pairs.computeIfAbsent(((long) Math.min(a, b) << 32) | Math.max(a, b), k -> new long[3]);
        switch (outcome) {
            case A_WINS -> counts[a < b ? 0 : 1]++;
            case B_WINS -> counts[a < b ? 1 : 0]++;
            case TIE, BOTH_BAD -> counts[2]++;
        }
        total++;
    }

    /** Number of battles recorded so far. */
    public long battles() {
        return total;
    }

    /** An immutable snapshot of the counts, with models sorted by name for reproducible results. */
    public PairCounts toCounts() {
        List<String> sorted = names.stream().sorted().toList();
        int[] position = new int[names.size()];
        for (int i = 0; i < sorted.size(); i++) {
            position[index.get(sorted.get(i))] = i;
        }
        // Pairs in name order too, so a bootstrap with a given seed does not depend on file order.
        List<long[]> rows = new ArrayList<>();
        pairs.forEach((key, c) -> {
            int i = position[(int) (key >>> 32)];
            int j = position[(int) (key & 0xFFFFFFFFL)];
            rows.add(i < j ? new long[] {i, j, c[0], c[1], c[2]} : new long[] {j, i, c[1], c[0], c[2]});
        });
        rows.sort(Comparator.<long[]>comparingLong(r -> r[0]).thenComparingLong(r -> r[1]));
        PairCounts.Builder builder = new PairCounts.Builder(sorted);
        rows.forEach(r -> builder.pair((int) r[0], (int) r[1], r[2], r[3], r[4]));
        return builder.build();
    }

    private int indexOf(String name) {
        Integer known = index.get(name);
        if (known != null) {
            return known;
        }
        index.put(name, names.size());
        names.add(name);
        return names.size() - 1;
    }
}
