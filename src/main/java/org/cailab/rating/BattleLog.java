package org.cailab.rating;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Battles in arrival order, stored compactly (9 bytes a battle), for online Elo, whose result
 * depends on order and so cannot work from aggregated counts. Not thread-safe while being filled;
 * safe to read from many threads afterwards.
 */
public final class BattleLog implements Consumer<Battle> {

    private static final Outcome[] OUTCOMES = Outcome.values();

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private int[] modelA = new int[1024];
    private int[] modelB = new int[1024];
    private byte[] outcome = new byte[1024];
    private int size;

    @Override
    public void accept(Battle battle) {
        if (size == modelA.length) {
            int bigger = Math.multiplyExact(size, 2);
            modelA = Arrays.copyOf(modelA, bigger);
            modelB = Arrays.copyOf(modelB, bigger);
            outcome = Arrays.copyOf(outcome, bigger);
        }
        modelA[size] = indexOf(battle.modelA());
        modelB[size] = indexOf(battle.modelB());
        outcome[size] = (byte) battle.outcome().ordinal();
        size++;
    }

    /** Number of battles. */
    public int size() {
        return size;
    }

    /** Model names in order of first appearance; a model's position is its index. */
    public List<String> models() {
        return List.copyOf(names);
    }

    /** Number of distinct models. */
    public int modelCount() {
        return names.size();
    }

    public int modelA(int battle) {
        return modelA[battle];
    }

    public int modelB(int battle) {
        return modelB[battle];
    }

    public Outcome outcome(int battle) {
        return OUTCOMES[outcome[battle]];
    }

    /** Battles each model took part in, by model index. */
    public long[] votes() {
        long[] votes = new long[names.size()];
        for (int i = 0; i < size; i++) {
            votes[modelA[i]]++;
            votes[modelB[i]]++;
        }
        return votes;
    }

    private int indexOf(String name) {
        return index.computeIfAbsent(name, n -> {
            names.add(n);
            return names.size() - 1;
        });
    }
}
