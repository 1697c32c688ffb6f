package org.cailab.model.engine;

import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Batched sampling with a KV cache: left-padded prefill, then one token per row per step; finished rows leave. */
final class Generator {

    private final LlamaModel model;
    private final @Nullable TextTokenizer tokenizer;

    Generator(LlamaModel model, @Nullable TextTokenizer tokenizer) {
        this.model = model;
        this.tokenizer = tokenizer;
    }

    List<Generation> generate(List<GenerationRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        GradMode.disable();
        LlamaConfig config = model.config();
        List<GenerationRow> rows = new ArrayList<>();
        for (GenerationRequest request : requests) {
            rows.add(new GenerationRow(request, PromptIds.of(request, tokenizer, config), tokenizer,
                    config.eosTokenIds()));
        }
        List<Integer> active = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).finished()) {
                active.add(i);
            }
        }
        if (!active.isEmpty()) {
            run(rows, active);
        }
        return rows.stream().map(r -> r.result(requests.size())).toList();
    }

    private void run(List<GenerationRow> rows, List<Integer> active) {
        int vocab = model.config().vocabSize();
        long pad = PromptIds.padId(model.config());
        int maxLen = active.stream().mapToInt(i -> rows.get(i).promptIds().length).max().orElseThrow();
        long[][] ids = new long[active.size()][maxLen];
        int[][] mask = new int[active.size()][maxLen];
        for (int a = 0; a < active.size(); a++) {
            long[] prompt = rows.get(active.get(a)).promptIds();
            java.util.Arrays.fill(ids[a], pad);
            System.arraycopy(prompt, 0, ids[a], maxLen - prompt.length, prompt.length);
            java.util.Arrays.fill(mask[a], maxLen - prompt.length, maxLen, 1);
        }
        try (KvCache cache = model.newCache(active.size())) {
            float[] logits = step(ids, mask, cache);
            while (true) {
                List<Integer> still = new ArrayList<>();
                int[] keep = new int[active.size()];
                for (int a = 0; a < active.size(); a++) {
                    if (rows.get(active.get(a)).sample(logits, a * vocab, vocab)) {
                        keep[still.size()] = a;
                        still.add(active.get(a));
                    }
                }
                if (still.isEmpty()) {
                    return;
                }
                if (still.size() < active.size()) {
                    cache.select(java.util.Arrays.copyOf(keep, still.size()));
                }
                active = still;
                long[][] next = new long[active.size()][1];
                int[][] ones = new int[active.size()][1];
                for (int a = 0; a < active.size(); a++) {
                    next[a][0] = rows.get(active.get(a)).lastToken();
                    ones[a][0] = 1;
                }
                logits = step(next, ones, cache);
            }
        }
    }

    private float[] step(long[][] ids, int[][] mask, KvCache cache) {
        try (NDScope ignored = new NDScope()) {
            return model.forward(ids, mask, cache, 1).toFloatArray();
        }
    }
}
