package org.cailab.rating;

/** Ranks that do not separate models whose intervals overlap. */
public final class Ranks {

    private Ranks() {}

    /**
     * Arena-style ranks: a model's rank is 1 plus the number of models that are better beyond doubt,
     * that is whose lower bound exceeds this model's upper bound. Models with overlapping intervals
     * can share a rank, and ranks can skip numbers.
     */
    public static int[] withOverlap(double[] lower, double[] upper) {
        if (lower.length != upper.length) {
            throw new IllegalArgumentException("lower and upper bounds differ in length");
        }
        int[] rank = new int[lower.length];
        for (int i = 0; i < lower.length; i++) {
            int better = 0;
            for (int j = 0; j < lower.length; j++) {
                if (lower[j] > upper[i]) {
                    better++;
                }
            }
            rank[i] = 1 + better;
        }
        return rank;
    }
}
