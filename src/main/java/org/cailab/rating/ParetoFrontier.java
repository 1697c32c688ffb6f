package org.cailab.rating;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The non-dominated points of a set, such as the harmlessness-versus-helpfulness frontier. */
public final class ParetoFrontier {

    private ParetoFrontier() {}

    /**
     * The points no other point dominates, ordered by x ascending (so y descending), equal points
     * by name. Exact duplicates dominate neither each other, so all copies stay on the frontier;
     * among points with equal x only those with the highest y survive. O(n log n).
     */
    public static List<ParetoPoint> of(Collection<ParetoPoint> points) {
        List<ParetoPoint> byXDescending = new ArrayList<>(points);
        byXDescending.sort(Comparator.comparingDouble(ParetoPoint::x)
                .reversed()
                .thenComparing(Comparator.comparingDouble(ParetoPoint::y).reversed()));
        List<ParetoPoint> frontier = new ArrayList<>();
        double bestYAtGreaterX = Double.NEGATIVE_INFINITY;
        int i = 0;
        while (i < byXDescending.size()) {
            double x = byXDescending.get(i).x();
            double topY = byXDescending.get(i).y();
            int end = i;
            while (end < byXDescending.size() && byXDescending.get(end).x() == x) {
                end++;
            }
            // Within a group of equal x, the highest y is first; a point beyond x with y >= topY
            // dominates the whole group (strictly better x, no worse y).
            if (topY > bestYAtGreaterX) {
                for (int k = i; k < end && byXDescending.get(k).y() == topY; k++) {
                    frontier.add(byXDescending.get(k));
                }
            }
            bestYAtGreaterX = Math.max(bestYAtGreaterX, topY);
            i = end;
        }
        frontier.sort(Comparator.comparingDouble(ParetoPoint::x).thenComparing(ParetoPoint::name));
        return List.copyOf(frontier);
    }
}
