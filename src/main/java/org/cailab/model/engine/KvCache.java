package org.cailab.model.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import java.util.Arrays;

/**
 * The keys and values of the tokens a batch has seen, per layer ({@code [batch, kvHeads, length, headDim]}), with
 * which of those positions are real tokens (left padding is not) and the next position id of each row. Its arrays
 * outlive the {@link NDScope} of a step; close the cache to free them.
 */
public final class KvCache implements AutoCloseable {

    private final NDArray[] keys;
    private final NDArray[] values;
    private int[][] mask;
    private long[] nextPosition;

    KvCache(int layers, int batchSize) {
        keys = new NDArray[layers];
        values = new NDArray[layers];
        mask = new int[batchSize][0];
        nextPosition = new long[batchSize];
    }

    /** Rows in the batch. */
    public int batchSize() {
        return mask.length;
    }

    /** Cached positions per row, padding included. */
    public int length() {
        return mask.length == 0 ? 0 : mask[0].length;
    }

    /** The position id the next real token of a row gets (its count of real tokens so far). */
    public long nextPosition(int row) {
        return nextPosition[row];
    }

    int[][] mask() {
        return mask;
    }

    /** Records new tokens (mask per row) and returns their position ids; called before the layers run. */
    long[][] extend(int[][] newMask) {
        int t = newMask[0].length;
        long[][] positions = new long[mask.length][t];
        for (int b = 0; b < mask.length; b++) {
            int[] merged = Arrays.copyOf(mask[b], mask[b].length + t);
            for (int i = 0; i < t; i++) {
                merged[mask[b].length + i] = newMask[b][i];
                positions[b][i] = nextPosition[b];
                nextPosition[b] += newMask[b][i];
            }
            mask[b] = merged;
        }
        return positions;
    }

    /** Appends a layer's new keys and values and returns all of them. */
    NDArray[] append(int layer, NDArray k, NDArray v) {
        NDArray fullK = keys[layer] == null ? k : NDArrays.concat(new NDList(keys[layer], k), 2);
        NDArray fullV = values[layer] == null ? v : NDArrays.concat(new NDList(values[layer], v), 2);
        replace(layer, fullK, fullV);
        return new NDArray[] {fullK, fullV};
    }

    private void replace(int layer, NDArray k, NDArray v) {
        NDScope.unregister(k, v);
        if (keys[layer] != null && keys[layer] != k) {
            keys[layer].close();
        }
        if (values[layer] != null && values[layer] != v) {
            values[layer].close();
        }
        keys[layer] = k;
        values[layer] = v;
    }

    /** Keeps only the given rows, in the given order (for example when other rows have finished). */
    public void select(int[] rows) {
        int[][] newMask = new int[rows.length][];
        long[] newPositions = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            newMask[i] = mask[rows[i]];
            newPositions[i] = nextPosition[rows[i]];
        }
        mask = newMask;
        nextPosition = newPositions;
        for (int layer = 0; layer < keys.length; layer++) {
            if (keys[layer] == null) {
                continue;
            }
            try (NDArray index = keys[layer].getManager().create(Arrays.stream(rows).asLongStream().toArray())) {
                NDArray k = keys[layer].get(new NDIndex("{}", index));
                NDArray v = values[layer].get(new NDIndex("{}", index));
                replace(layer, k, v);
            }
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                keys[i].close();
                values[i].close();
                keys[i] = null;
                values[i] = null;
            }
        }
    }
}
