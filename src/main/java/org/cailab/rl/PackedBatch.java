package org.cailab.rl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Prompt + response rows packed for one teacher-forced pass that yields, for every response token, the logits that
 * predicted it. Each row is prompt + response without its last token, right-aligned (left padding), so that the last
 * {@code window} positions predict the responses' tokens: token {@code t} of a response of length {@code n} sits at
 * window index {@code window - n + t}.
 */
record PackedBatch(long[][] ids, int[][] mask, int window, long[] targets, float[] tokenMask, int[] lengths) {

    static PackedBatch of(List<Rollout> rows, long padId) {
        int batch = rows.size();
        int window = 0;
        int length = 0;
        for (Rollout r : rows) {
            window = Math.max(window, r.responseIds().length);
            length = Math.max(length, r.promptIds().length + r.responseIds().length - 1);
        }
        long[][] ids = new long[batch][length];
        int[][] mask = new int[batch][length];
        long[] targets = new long[batch * window];
        float[] tokenMask = new float[batch * window];
        int[] lengths = new int[batch];
        for (int b = 0; b < batch; b++) {
            long[] prompt = rows.get(b).promptIds();
            long[] response = rows.get(b).responseIds();
            int n = response.length;
            int used = prompt.length + n - 1;
            java.util.Arrays.fill(ids[b], padId);
            System.arraycopy(prompt, 0, ids[b], length - used, prompt.length);
            System.arraycopy(response, 0, ids[b], length - used + prompt.length, n - 1);
            java.util.Arrays.fill(mask[b], length - used, length, 1);
            System.arraycopy(response, 0, targets, b * window + window - n, n);
            java.util.Arrays.fill(tokenMask, b * window + window - n, b * window + window, 1f);
            lengths[b] = n;
        }
        return new PackedBatch(ids, mask, window, targets, tokenMask, lengths);
    }

    int rows() {
        return ids.length;
    }

    NDArray targetArray(NDManager manager) {
        return manager.create(targets, new Shape(rows(), window, 1));
    }

    NDArray maskArray(NDManager manager) {
        return manager.create(tokenMask, new Shape(rows(), window));
    }

    /** A {@code [B, window]} array from per-response values placed at their tokens' window indices (0 elsewhere). */
    NDArray perToken(NDManager manager, List<float[]> values) {
        float[] flat = new float[rows() * window];
        for (int b = 0; b < rows(); b++) {
            float[] v = values.get(b);
            System.arraycopy(v, 0, flat, b * window + window - v.length, v.length);
        }
        return manager.create(flat, new Shape(rows(), window));
    }

    /** Row {@code b}'s response tokens out of a flat {@code [B, window]} array. */
    float[] row(float[] flat, int b) {
        int n = lengths[b];
        float[] out = new float[n];
        System.arraycopy(flat, b * window + window - n, out, 0, n);
        return out;
    }
}
