package org.cailab.model.engine;

import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows generating together over one in-place {@link KvCache} (iteration-level batching): rows {@link #join} at any
 * time (prefilled in a cache of their own, then moved into free slots), every {@link #step} feeds one token per row,
 * finished rows leave at once and rows can be {@link #remove}d (cancelled or preempted). Row {@code i} of the batch
 * is slot {@code i} of the cache. Not thread-safe: one thread drives a batch.
 */
final class RunningBatch implements AutoCloseable {

    private final LlamaModel model;
    private final KvCache cache;
    private final List<GenerationRow> rows = new ArrayList<>();
    private long steps;

    RunningBatch(LlamaModel model, int capacity) {
        this.model = model;
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.cache = model.newCache(0);
        cache.reserveSlots(capacity);
    }

    int size() {
        return rows.size();
    }

    List<GenerationRow> rows() {
        return List.copyOf(rows);
    }

    /** Decode steps run so far. */
    long steps() {
        return steps;
    }

    /**
     * Prefills rows (prompt plus any tokens they sampled before a preemption, left-padded to each other), samples
     * each one's next token and lets those still going join the batch.
     *
     * @return the rows that finished with that first token (they do not join)
     */
    List<GenerationRow> join(List<GenerationRow> joining) {
        if (joining.isEmpty()) {
            return List.of();
        }
        GradMode.disable();
        int vocab = model.config().vocabSize();
        long pad = PromptIds.padId(model.config());
        List<long[]> contexts = joining.stream().map(GenerationRow::contextIds).toList();
        int maxLen = contexts.stream().mapToInt(c -> c.length).max().orElseThrow();
        long[][] ids = new long[joining.size()][maxLen];
        int[][] mask = new int[joining.size()][maxLen];
        for (int j = 0; j < joining.size(); j++) {
            long[] context = contexts.get(j);
            Arrays.fill(ids[j], pad);
            System.arraycopy(context, 0, ids[j], maxLen - context.length, context.length);
            Arrays.fill(mask[j], maxLen - context.length, maxLen, 1);
        }
        List<GenerationRow> finished = new ArrayList<>();
        try (KvCache prefill = model.newCache(joining.size())) {
            float[] logits = forward(ids, mask, prefill);
            int together = rows.size() + joining.size();
            List<Integer> keep = new ArrayList<>();
            for (int j = 0; j < joining.size(); j++) {
                GenerationRow row = joining.get(j);
                row.observeBatch(together);
                if (row.sample(logits, j * vocab, vocab) && !contextFull(row)) {
                    keep.add(j);
                } else {
                    finished.add(row);
                }
            }
            if (keep.size() < joining.size()) {
                prefill.select(keep.stream().mapToInt(Integer::intValue).toArray());
            }
            if (!keep.isEmpty()) {
                cache.absorb(prefill);
                keep.forEach(j -> rows.add(joining.get(j)));
            }
        }
        return finished;
    }

    /**
     * Feeds every row its last sampled token and samples the next one.
     *
     * @return the rows that finished in this step (they have left the batch)
     */
    List<GenerationRow> step() {
        if (rows.isEmpty()) {
            return List.of();
        }
        GradMode.disable();
        int vocab = model.config().vocabSize();
        long[][] next = new long[rows.size()][1];
        int[][] ones = new int[rows.size()][1];
        for (int r = 0; r < rows.size(); r++) {
            next[r][0] = rows.get(r).lastToken();
            ones[r][0] = 1;
        }
        float[] logits = forward(next, ones, cache);
        steps++;
        List<GenerationRow> finished = new ArrayList<>();
        List<GenerationRow> current = List.copyOf(rows);
        for (int r = 0; r < current.size(); r++) {
            GenerationRow row = current.get(r);
            row.observeBatch(current.size());
            if (!row.sample(logits, r * vocab, vocab) || contextFull(row)) {
                finished.add(row);
            }
        }
        finished.forEach(this::remove);
        return finished;
    }

    /** Takes a row out of the batch and frees its slot (the last row moves into it). */
    void remove(GenerationRow row) {
        int index = rows.indexOf(row);
        if (index < 0) {
            return;
        }
        cache.remove(index);
        int last = rows.size() - 1;
        rows.set(index, rows.get(last));
        rows.remove(last);
    }

    /** A row whose next token would get a position beyond {@code max_position_embeddings} stops there. */
    private boolean contextFull(GenerationRow row) {
        if (row.contextLength() >= model.config().maxPositionEmbeddings()) {
            row.stop(FinishReason.MAX_TOKENS);
            return true;
        }
        return false;
    }

    private float[] forward(long[][] ids, int[][] mask, KvCache target) {
        try (NDScope ignored = new NDScope()) {
            return model.forward(ids, mask, target, 1).toFloatArray();
        }
    }

    @Override
    public void close() {
        cache.close();
    }
}
