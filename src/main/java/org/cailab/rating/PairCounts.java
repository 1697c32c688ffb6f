package org.cailab.rating;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Outcome counts per unordered pair of models: how often the first beat the second, the second
 * beat the first, and how often they drew (ties and both-bad). Only pairs that met are stored.
 * Draws are kept apart from wins so a bootstrap can resample all three outcomes faithfully.
 * Immutable.
 */
public final class PairCounts {

    private final List<String> models;
    private final Map<String, Integer> index;
    private final int[] first;
    private final int[] second;
    private final long[] firstWins;
    private final long[] secondWins;
    private final long[] draws;

    private PairCounts(
            List<String> models, int[] first, int[] second, long[] firstWins, long[] secondWins, long[] draws) {
        this.models = List.copyOf(models);
        this.index = new HashMap<>();
        for (int i = 0; i < models.size(); i++) {
            if (index.put(models.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate model name: " + models.get(i));
            }
        }
        this.first = first;
        this.second = second;
        this.firstWins = firstWins;
        this.secondWins = secondWins;
        this.draws = draws;
    }

    /** Model names; a model's position here is its index everywhere else. */
    public List<String> models() {
        return models;
    }

    public int modelCount() {
        return models.size();
    }

    /** Index of a model, or -1 if it never battled. */
    public int indexOf(String model) {
        return index.getOrDefault(model, -1);
    }

    /** Number of stored pairs (pairs that met at least once). */
    public int pairCount() {
        return first.length;
    }

    public int first(int pair) {
        return first[pair];
    }

    public int second(int pair) {
        return second[pair];
    }

    public long firstWins(int pair) {
        return firstWins[pair];
    }

    public long secondWins(int pair) {
        return secondWins[pair];
    }

    public long draws(int pair) {
        return draws[pair];
    }

    /** All battles of a pair. */
    public long battles(int pair) {
        return firstWins[pair] + secondWins[pair] + draws[pair];
    }

    /** Total battles over all pairs. */
    public long totalBattles() {
        long sum = 0;
        for (int p = 0; p < pairCount(); p++) {
            sum += battles(p);
        }
        return sum;
    }

    /** Battles each model took part in, by model index. */
    public long[] votes() {
        long[] votes = new long[modelCount()];
        for (int p = 0; p < pairCount(); p++) {
            votes[first[p]] += battles(p);
            votes[second[p]] += battles(p);
        }
        return votes;
    }

    /** {@code [i][j]}: wins of i over j, a draw counting half to each. */
    public double[][] winMatrix() {
        double[][] m = new double[modelCount()][modelCount()];
        for (int p = 0; p < pairCount(); p++) {
            m[first[p]][second[p]] = firstWins[p] + 0.5 * draws[p];
            m[second[p]][first[p]] = secondWins[p] + 0.5 * draws[p];
        }
        return m;
    }

    /** {@code [i][j]}: battles between i and j (symmetric, zero diagonal). */
    public long[][] battleMatrix() {
        long[][] m = new long[modelCount()][modelCount()];
        for (int p = 0; p < pairCount(); p++) {
            m[first[p]][second[p]] = battles(p);
            m[second[p]][first[p]] = battles(p);
        }
        return m;
    }

    /** {@code [i][j]}: share of i's battles against j that i won (draws half); NaN where they never met. */
    public double[][] winRateMatrix() {
        double[][] wins = winMatrix();
        long[][] battles = battleMatrix();
        double[][] rate = new double[modelCount()][modelCount()];
        for (int i = 0; i < modelCount(); i++) {
            for (int j = 0; j < modelCount(); j++) {
                rate[i][j] = battles[i][j] == 0 ? Double.NaN : wins[i][j] / battles[i][j];
            }
        }
        return rate;
    }

    /**
     * A bootstrap replicate: each pair keeps its number of battles and draws new outcome counts from
     * the multinomial with its observed outcome shares. Costs O(pairs), whatever the vote count.
     */
    public PairCounts resample(RandomGenerator rng) {
        int n = pairCount();
        long[] fw = new long[n];
        long[] sw = new long[n];
        long[] dr = new long[n];
        long[] draw = new long[3];
        for (int p = 0; p < n; p++) {
            double total = battles(p);
            Binomial.sampleTrinomial(rng, battles(p), firstWins[p] / total, secondWins[p] / total, draw);
            fw[p] = draw[0];
            sw[p] = draw[1];
            dr[p] = draw[2];
        }
        return new PairCounts(models, first, second, fw, sw, dr);
    }

    /** Builds counts directly, for tests and callers that aggregate elsewhere. */
    public static final class Builder {
        private final List<String> models;
        private final List<long[]> rows = new ArrayList<>();
        private final Map<Long, Integer> seen = new HashMap<>();

        public Builder(List<String> models) {
            this.models = List.copyOf(models);
        }

        /** Adds counts for the pair (i, j); adding the same pair again adds to its counts. */
        public Builder pair(int i, int j, long iWins, long jWins, long draws) {
            if (i == j || i < 0 || j < 0 || i >= models.size() || j >= models.size()) {
                throw new IllegalArgumentException("bad pair (" + i + ", " + j + ")");
            }
            if (iWins < 0 || jWins < 0 || draws < 0) {
                throw new IllegalArgumentException("negative count for pair (" + i + ", " + j + ")");
            }
            long[] row = i < j ? new long[] {i, j, iWins, jWins, draws} : new long[] {j, i, jWins, iWins, draws};
            Integer at = seen.putIfAbsent(row[0] * models.size() + row[1], rows.size());
            if (at == null) {
                rows.add(row);
            } else {
                long[] existing = rows.get(at);
                for (int k = 2; k < 5; k++) {
                    existing[k] += row[k];
                }
            }
            return this;
        }

        public PairCounts build() {
            List<long[]> kept =
                    rows.stream().filter(r -> r[2] + r[3] + r[4] > 0).toList();
            int n = kept.size();
            int[] f = new int[n];
            int[] s = new int[n];
            long[][] c = new long[3][n];
            for (int p = 0; p < n; p++) {
                long[] r = kept.get(p);
                f[p] = (int) r[0];
                s[p] = (int) r[1];
                for (int k = 0; k < 3; k++) {
                    c[k][p] = r[k + 2];
                }
            }
            return new PairCounts(models, f, s, c[0], c[1], c[2]);
        }
    }

    @Override
    public String toString() {
        return "PairCounts[models=" + modelCount() + ", pairs=" + pairCount() + ", battles=" + totalBattles() + "]";
    }
}
