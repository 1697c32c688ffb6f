package org.cailab.model.engine;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Picks the next token from one row of logits: temperature, then top-k, then top-p, as Hugging Face orders them. */
final class Sampler {

    private Sampler() {}

    static int sample(float[] logits, int offset, int vocab, GenerationOptions options, RandomGenerator random) {
        if (options.temperature() == 0) {
            return argMax(logits, offset, vocab);
        }
        boolean truncate = (options.topK() > 0 && options.topK() < vocab) || options.topP() < 1;
        int[] candidates = truncate ? sortedDescending(logits, offset, vocab) : null;
        int n = candidates == null ? vocab : candidates.length;
        if (options.topK() > 0) {
            n = Math.min(n, options.topK());
        }
        double inverseTemperature = 1.0 / options.temperature();
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, logits[offset + (candidates == null ? i : candidates[i])]);
        }
        double[] weights = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double logit = logits[offset + (candidates == null ? i : candidates[i])];
            weights[i] = Math.exp((logit - max) * inverseTemperature);
            total += weights[i];
        }
        if (options.topP() < 1) {
            // keep the smallest prefix of the sorted tokens whose probability reaches top-p (at least one)
            double cumulative = 0;
            int keep = 0;
            while (keep < n && cumulative < options.topP() * total) {
                cumulative += weights[keep++];
            }
            n = Math.max(1, keep);
            total = cumulative;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < n; i++) {
            r -= weights[i];
            if (r < 0) {
                return candidates == null ? i : candidates[i];
            }
        }
        return candidates == null ? n - 1 : candidates[n - 1];
    }

    static int argMax(float[] logits, int offset, int vocab) {
        int best = 0;
        for (int i = 1; i < vocab; i++) {
            if (logits[offset + i] > logits[offset + best]) {
                best = i;
            }
        }
        return best;
    }

    /** Token ids by falling logit, via one primitive sort of (sortable float bits, id) keys. */
    private static int[] sortedDescending(float[] logits, int offset, int vocab) {
        long[] keys = new long[vocab];
        for (int i = 0; i < vocab; i++) {
            int bits = Float.floatToIntBits(logits[offset + i]);
            bits ^= (bits >> 31) & 0x7fffffff; // monotone: negative floats reversed
            keys[i] = ((long) bits << 32) | (vocab - 1 - i); // ties: lower id first once reversed
        }
        Arrays.sort(keys);
        int[] ids = new int[vocab];
        for (int i = 0; i < vocab; i++) {
            ids[i] = vocab - 1 - (int) keys[vocab - 1 - i];
        }
        return ids;
    }
}
