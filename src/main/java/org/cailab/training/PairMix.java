package org.cailab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mixes harmlessness and helpfulness pairs at a given share of harmlessness pairs: the scarcer side is used in full
 * and the other is subsampled (seeded) to the share; a share of 0 or 1 uses one side only.
 */
final class PairMix {

    private PairMix() {}

    static <T> List<T> mix(List<T> harmless, List<T> helpful, double harmlessShare, long seed) {
        if (!(harmlessShare >= 0 && harmlessShare <= 1)) {
            throw new IllegalArgumentException("harmlessness share must be in [0, 1], got " + harmlessShare);
        }
        int h;
        int p;
        if (harmlessShare == 0) {
            h = 0;
            p = helpful.size();
        } else if (harmlessShare == 1) {
            h = harmless.size();
            p = 0;
        } else {
            double ratio = harmlessShare / (1 - harmlessShare);
            if (harmless.size() > helpful.size() * ratio) {
                p = helpful.size();
                h = (int) Math.min(harmless.size(), Math.round(p * ratio));
            } else {
                h = harmless.size();
                p = (int) Math.min(helpful.size(), Math.round(h / ratio));
            }
        }
        List<T> out = new ArrayList<>(sample(harmless, h, seed));
        out.addAll(sample(helpful, p, seed + 1));
        return out;
    }

    /** {@code n} of the items, chosen by a seeded partial shuffle, in their original order. */
    static <T> List<T> sample(List<T> items, int n, long seed) {
        if (n >= items.size()) {
            return items;
        }
        int[] index = new int[items.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(index.length - i);
            int t = index[i];
            index[i] = index[j];
            index[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(index, n);
        java.util.Arrays.sort(chosen);
        List<T> out = new ArrayList<>(n);
        for (int i : chosen) {
            out.add(items.get(i));
        }
        return out;
    }
}
