package org.cailab.rating;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Which models are comparable: the questions Bradley-Terry must answer before fitting. */
final class ComparisonGraph {

    private ComparisonGraph() {}

    /** Throws, naming the groups, unless every model is linked to every other by battles. */
    static void requireConnected(PairCounts counts) {
        int m = counts.modelCount();
        int[] parent = new int[m];
        Arrays.setAll(parent, i -> i);
        for (int p = 0; p < counts.pairCount(); p++) {
            parent[root(parent, counts.first(p))] = root(parent, counts.second(p));
        }
        Map<Integer, List<String>> groups = new TreeMap<>();
        for (int i = 0; i < m; i++) {
            groups.computeIfAbsent(root(parent, i), k -> new ArrayList<>())
                    .add(counts.models().get(i));
        }
        if (groups.size() > 1) {
            throw new IllegalArgumentException("the models fall into " + groups.size()
                    + " groups that never battled each other, so their relative ratings are undefined: "
                    + groups.values() + "; use a small prior to fit anyway");
        }
    }

    /** Whether every model can reach every other along "scored against" edges and back. */
    static boolean stronglyConnected(PairCounts counts) {
        return reachesAll(counts, true) && reachesAll(counts, false);
    }

    private static boolean reachesAll(PairCounts counts, boolean forward) {
        int m = counts.modelCount();
        List<List<Integer>> edges = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            edges.add(new ArrayList<>());
        }
        for (int p = 0; p < counts.pairCount(); p++) {
            int i = counts.first(p);
            int j = counts.second(p);
            boolean iScored = counts.firstWins(p) + counts.draws(p) > 0;
            boolean jScored = counts.secondWins(p) + counts.draws(p) > 0;
            if (iScored) {
                edges.get(forward ? i : j).add(forward ? j : i);
            }
            if (jScored) {
                edges.get(forward ? j : i).add(forward ? i : j);
            }
        }
        boolean[] seen = new boolean[m];
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(0));
        seen[0] = true;
        int reached = 1;
        while (!queue.isEmpty()) {
            for (int next : edges.get(queue.poll())) {
                if (!seen[next]) {
                    seen[next] = true;
                    reached++;
                    queue.add(next);
                }
            }
        }
        return reached == m;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
