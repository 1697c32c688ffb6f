package org.cailab.model.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * The keys and values of the tokens a batch has seen, per layer, in preallocated arrays
 * {@code [slots, kvHeads, capacity, headDim]} that a forward pass writes in place: a decode step copies only the new
 * token's keys and values. Capacity grows in blocks of {@link #BLOCK} columns (dropping the columns no row uses any
 * more); rows that leave free their slot ({@link #remove}); rows prefilled in another cache join with
 * {@link #absorb}.
 *
 * <p>All rows share one column axis: column {@code c} of every row was written by the same forward pass. A row's
 * tokens end at the last column; its own mask says which columns are real (left padding and columns from before it
 * joined are not). The next position id of each row is its count of real tokens so far. The arrays outlive the
 * {@link NDScope} of a step; close the cache to free them.
 */
public final class KvCache implements AutoCloseable {

    /** Columns added at a time when the cache grows. */
    static final int BLOCK = 64;

    private final NDArray[] keys;
    private final NDArray[] values;
    private int rows;
    private int slots;
    private int capacity;
    /** Columns written so far (the first free column). */
    private int columns;
    /** Per slot: 1 where the column holds a real token of that row; length {@link #capacity}. */
    private int[][] mask;
    /** Per slot: the first real column, or {@link Integer#MAX_VALUE} when none yet. */
    private int[] start;

    private long[] nextPosition;
    /** The first column the current forward pass attends to, and where it writes (set by {@link #extend}). */
    private int viewLow;

    private int writeAt;
    /** Slots to allocate at least when the arrays are (re)made, so that rows joining one by one do not regrow. */
    private int reservedSlots = 1;

    KvCache(int layers, int batchSize) {
        keys = new NDArray[layers];
        values = new NDArray[layers];
        rows = batchSize;
        slots = Math.max(1, batchSize);
        capacity = 0;
        mask = new int[slots][0];
        start = new int[slots];
        Arrays.fill(start, Integer.MAX_VALUE);
        nextPosition = new long[slots];
    }

    /** Rows in the batch. */
    public int batchSize() {
        return rows;
    }

    /** Cached columns per row, padding and columns of rows that left included. */
    public int length() {
        return columns;
    }

    /** Allocates at least this many slots from the next time the arrays are made or regrown. */
    void reserveSlots(int n) {
        reservedSlots = Math.max(1, n);
    }

    /** Columns the arrays can hold before they grow. */
    int capacity() {
        return capacity;
    }

    /** The position id the next real token of a row gets (its count of real tokens so far). */
    public long nextPosition(int row) {
        return nextPosition[row];
    }

    /** Which of the attended columns {@code [viewLow, columns)} are real tokens, per row; valid after extend. */
    int[][] mask() {
        int[][] view = new int[rows][];
        for (int b = 0; b < rows; b++) {
            view[b] = Arrays.copyOfRange(mask[b], viewLow, columns);
        }
        return view;
    }

    /** Records new tokens (mask per row) and returns their position ids; called before the layers run. */
    long[][] extend(int[][] newMask) {
        if (newMask.length != rows) {
            throw new IllegalArgumentException(newMask.length + " rows for a cache of " + rows);
        }
        int t = newMask[0].length;
        ensureColumns(t);
        writeAt = columns;
        long[][] positions = new long[rows][t];
        for (int b = 0; b < rows; b++) {
            for (int i = 0; i < t; i++) {
                mask[b][writeAt + i] = newMask[b][i];
                positions[b][i] = nextPosition[b];
                nextPosition[b] += newMask[b][i];
                if (newMask[b][i] != 0 && start[b] == Integer.MAX_VALUE) {
                    start[b] = writeAt + i;
                }
            }
        }
        columns += t;
        viewLow = Math.min(low(), writeAt);
        return positions;
    }

    /**
     * Writes a layer's new keys and values ({@code [rows, kvHeads, t, headDim]}) in place and returns views of all
     * attended ones ({@code [rows, kvHeads, columns - viewLow, headDim]}).
     */
    NDArray[] append(int layer, NDArray k, NDArray v) {
        if (keys[layer] == null) {
            keys[layer] = allocate(k.getManager(), k.getShape(), slots, capacity);
            values[layer] = allocate(v.getManager(), v.getShape(), slots, capacity);
        }
        long t = k.getShape().get(2);
        NDIndex target = new NDIndex("0:" + rows + ", :, " + writeAt + ":" + (writeAt + t) + ", :");
        keys[layer].set(target, k);
        values[layer].set(target, v);
        NDIndex view = new NDIndex("0:" + rows + ", :, " + viewLow + ":" + columns + ", :");
        return new NDArray[] {keys[layer].get(view), values[layer].get(view)};
    }

    /** Keeps only the given rows, in the given order; a row may repeat (one prompt, several continuations). */
    public void select(int[] order) {
        int[][] newMask = new int[Math.max(1, order.length)][];
        int[] newStart = new int[newMask.length];
        long[] newPositions = new long[newMask.length];
        Arrays.fill(newStart, Integer.MAX_VALUE);
        for (int i = 0; i < order.length; i++) {
            newMask[i] = mask[order[i]].clone();
            newStart[i] = start[order[i]];
            newPositions[i] = nextPosition[order[i]];
        }
        if (order.length == 0) {
            newMask[0] = new int[capacity];
        }
        for (int layer = 0; layer < keys.length; layer++) {
            if (keys[layer] == null) {
                continue;
            }
            if (order.length == 0) {
                continue; // the arrays stay allocated for rows that join later
            }
            try (NDArray index = keys[layer]
                    .getManager()
                    .create(Arrays.stream(order).asLongStream().toArray())) {
                NDArray k = keys[layer].get(new NDIndex("{}", index));
                NDArray v = values[layer].get(new NDIndex("{}", index));
                replace(layer, k, v);
            }
        }
        mask = newMask;
        start = newStart;
        nextPosition = newPositions;
        rows = order.length;
        if (keys.length > 0 && keys[0] != null && order.length > 0) {
            slots = order.length;
        } else {
            slots = newMask.length;
        }
    }

    /** Removes one row; the last row moves into its slot (one row's keys and values are copied). */
    void remove(int row) {
        int last = rows - 1;
        if (row < 0 || row > last) {
            throw new IndexOutOfBoundsException(row);
        }
        if (row != last) {
            int lo = Math.min(low(), columns);
            if (lo < columns) {
                NDIndex from = new NDIndex(last + ", :, " + lo + ":" + columns + ", :");
                NDIndex to = new NDIndex(row + ", :, " + lo + ":" + columns + ", :");
                for (int layer = 0; layer < keys.length; layer++) {
                    if (keys[layer] != null) {
                        try (NDArray k = keys[layer].get(from);
                                NDArray v = values[layer].get(from)) {
                            keys[layer].set(to, k);
                            values[layer].set(to, v);
                        }
                    }
                }
            }
            int[] freed = mask[row];
            mask[row] = mask[last];
            mask[last] = freed;
            start[row] = start[last];
            nextPosition[row] = nextPosition[last];
        }
        Arrays.fill(mask[last], 0);
        start[last] = Integer.MAX_VALUE;
        nextPosition[last] = 0;
        rows--;
        if (rows == 0) {
            columns = 0; // nothing left to attend to: start the column axis over
        }
    }

    /**
     * Moves the rows of another cache (prefilled separately) into free slots after this cache's rows, aligned so that
     * their last column is this cache's last column; the other cache is left empty. Columns are added on the left
     * when the newcomers are longer than this cache.
     */
    void absorb(KvCache other) {
        int join = other.rows;
        if (join == 0) {
            return;
        }
        if (rows == 0 && other.keys.length > 0 && other.keys[0] != null) {
            adopt(other);
            return;
        }
        int otherLow = Math.min(other.low(), other.columns);
        int length = other.columns - otherLow;
        int used = columns - Math.min(low(), columns);
        if (rows + join > slots || columns < length || length > capacity || columns > capacity) {
            int newColumns = Math.max(used, length);
            relayout(
                    Math.max(Math.max(slots, reservedSlots), rows + join),
                    Math.max(capacity, roundUp(newColumns + 1)),
                    newColumns);
        }
        int from = columns - length;
        for (int layer = 0; layer < keys.length; layer++) {
            if (other.keys[layer] == null) {
                continue;
            }
            if (keys[layer] == null) {
                keys[layer] = allocate(other.keys[layer].getManager(), other.keys[layer].getShape(), slots, capacity);
                values[layer] =
                        allocate(other.values[layer].getManager(), other.values[layer].getShape(), slots, capacity);
            }
            NDIndex source = new NDIndex("0:" + join + ", :, " + otherLow + ":" + other.columns + ", :");
            NDIndex target = new NDIndex(rows + ":" + (rows + join) + ", :, " + from + ":" + columns + ", :");
            try (NDArray k = other.keys[layer].get(source);
                    NDArray v = other.values[layer].get(source)) {
                keys[layer].set(target, k);
                values[layer].set(target, v);
            }
        }
        for (int j = 0; j < join; j++) {
            int slot = rows + j;
            mask[slot] = new int[capacity];
            System.arraycopy(other.mask[j], otherLow, mask[slot], from, length);
            start[slot] = other.start[j] == Integer.MAX_VALUE ? Integer.MAX_VALUE : other.start[j] - otherLow + from;
            nextPosition[slot] = other.nextPosition[j];
        }
        rows += join;
        other.close();
        other.rows = 0;
    }

    /** Takes over another cache's arrays (this one has no rows): no copy. */
    private void adopt(KvCache other) {
        int keepSlots = Math.max(slots, reservedSlots);
        close();
        for (int layer = 0; layer < keys.length; layer++) {
            keys[layer] = other.keys[layer];
            values[layer] = other.values[layer];
            other.keys[layer] = null;
            other.values[layer] = null;
        }
        rows = other.rows;
        slots = other.slots;
        capacity = other.capacity;
        columns = other.columns;
        mask = other.mask;
        start = other.start;
        nextPosition = other.nextPosition;
        other.rows = 0;
        if (keepSlots > slots) {
            relayout(keepSlots, capacity, columns - Math.min(low(), columns));
        }
    }

    /** Makes room for {@code t} more columns: drops unused columns on the left and grows by whole blocks. */
    private void ensureColumns(int t) {
        if (columns + t <= capacity) {
            return;
        }
        int used = columns - Math.min(low(), columns);
        relayout(slots, Math.max(capacity, roundUp(used + t)), used);
    }

    /**
     * Reallocates to {@code newSlots} x {@code newCapacity} and moves the columns in use ({@code [low, columns)}) so
     * that they end at {@code newColumns}.
     */
    private void relayout(int newSlots, int newCapacity, int newColumns) {
        int lo = Math.min(low(), columns);
        int used = columns - lo;
        int to = newColumns - used;
        for (int layer = 0; layer < keys.length; layer++) {
            if (keys[layer] == null) {
                continue;
            }
            keys[layer] = moved(keys[layer], newSlots, newCapacity, lo, to, used);
            values[layer] = moved(values[layer], newSlots, newCapacity, lo, to, used);
        }
        int[][] newMask = new int[newSlots][];
        int[] newStart = new int[newSlots];
        long[] newPositions = new long[newSlots];
        Arrays.fill(newStart, Integer.MAX_VALUE);
        for (int b = 0; b < newSlots; b++) {
            newMask[b] = new int[newCapacity];
            if (b < rows) {
                System.arraycopy(mask[b], lo, newMask[b], to, used);
                newStart[b] = start[b] == Integer.MAX_VALUE ? Integer.MAX_VALUE : start[b] - lo + to;
                newPositions[b] = nextPosition[b];
            }
        }
        mask = newMask;
        start = newStart;
        nextPosition = newPositions;
        slots = newSlots;
        capacity = newCapacity;
        columns = newColumns;
    }

    private NDArray moved(NDArray old, int newSlots, int newCapacity, int lo, int to, int used) {
        Shape shape = old.getShape();
        NDArray fresh = allocate(old.getManager(), shape, newSlots, newCapacity);
        if (used > 0 && rows > 0) {
            try (NDArray part = old.get(new NDIndex("0:" + rows + ", :, " + lo + ":" + (lo + used) + ", :"))) {
                fresh.set(new NDIndex("0:" + rows + ", :, " + to + ":" + (to + used) + ", :"), part);
            }
        }
        old.close();
        return fresh;
    }

    /** The first column any row still uses ({@code columns} when none). */
    private int low() {
        int lo = Integer.MAX_VALUE;
        for (int b = 0; b < rows; b++) {
            lo = Math.min(lo, start[b]);
        }
        return lo == Integer.MAX_VALUE ? columns : lo;
    }

    private static int roundUp(int n) {
        return Math.max(BLOCK, (n + BLOCK - 1) / BLOCK * BLOCK);
    }

    /** Zeros (finite, so masked columns contribute exactly nothing), owned by the cache rather than a scope. */
    private static NDArray allocate(NDManager manager, Shape like, int slots, int capacity) {
        NDArray array = manager.zeros(new Shape(slots, like.get(1), capacity, like.get(3)));
        NDScope.unregister(array);
        return array;
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
