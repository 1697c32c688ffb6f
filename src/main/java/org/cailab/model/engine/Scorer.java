package org.cailab.model.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Batched teacher-forced scoring. Requests that share a prompt (the {@code (A)} / {@code (B)} labels, the options of a
 * multiple-choice item) compute the prompt once: the prompt runs with a KV cache, the cache is repeated for each
 * continuation, and the continuations run from it. Other requests are left-padded so that every continuation ends at
 * the last position; only the trailing window as long as the longest continuation goes through the LM head.
 */
final class Scorer {

    private static final System.Logger LOG = System.getLogger(Scorer.class.getName());

    private final LlamaModel model;

    Scorer(LlamaModel model) {
        this.model = model;
    }

    /** Scores continuation ids after prompt ids, {@code maxBatchSize} rows at a time. */
    List<ContinuationScore> score(List<long[]> prompts, List<long[]> continuations, int maxBatchSize) {
        GradMode.disable();
        LlamaConfig config = model.config();
        List<long[]> fitted = new ArrayList<>(prompts.size());
        for (int i = 0; i < prompts.size(); i++) {
            fitted.add(
                    fit(PromptIds.nonEmpty(prompts.get(i), config), PromptIds.checked(continuations.get(i), config)));
        }
        // group equal prompts; a prompt with one continuation goes the plain way
        Map<PromptKey, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < fitted.size(); i++) {
            groups.computeIfAbsent(new PromptKey(fitted.get(i)), k -> new ArrayList<>())
                    .add(i);
        }
        ContinuationScore[] scores = new ContinuationScore[prompts.size()];
        List<Integer> singles = new ArrayList<>();
        List<List<Integer>> shared = new ArrayList<>();
        for (List<Integer> group : groups.values()) {
            if (group.size() > 1) {
                shared.add(group);
            } else {
                singles.addAll(group);
            }
        }
        for (int start = 0; start < singles.size(); start += maxBatchSize) {
            List<Integer> chunk = singles.subList(start, Math.min(singles.size(), start + maxBatchSize));
            List<ContinuationScore> part = scoreBatch(
                    chunk.stream().map(fitted::get).toList(),
                    chunk.stream().map(continuations::get).toList());
            for (int i = 0; i < chunk.size(); i++) {
                scores[chunk.get(i)] = part.get(i);
            }
        }
        // groups together while their continuations fit in a batch (a bigger group runs alone)
        List<List<Integer>> pass = new ArrayList<>();
        int rows = 0;
        for (List<Integer> group : shared) {
            if (!pass.isEmpty() && rows + group.size() > maxBatchSize) {
                scoreShared(pass, fitted, continuations, scores);
                pass = new ArrayList<>();
                rows = 0;
            }
            pass.add(group);
            rows += group.size();
        }
        if (!pass.isEmpty()) {
            scoreShared(pass, fitted, continuations, scores);
        }
        return Arrays.asList(scores);
    }

    /** A prompt cut from the left (with a log line) so that it and the continuation fit the model's context. */
    private long[] fit(long[] prompt, long[] continuation) {
        int max = model.config().maxPositionEmbeddings();
        if (continuation.length >= max) {
            throw new IllegalArgumentException("a continuation of " + continuation.length
                    + " tokens does not fit the model's context of " + max + " tokens");
        }
        if (prompt.length + continuation.length <= max) {
            return prompt;
        }
        long[] kept = Arrays.copyOfRange(prompt, prompt.length - (max - continuation.length), prompt.length);
        LOG.log(
                System.Logger.Level.WARNING,
                "scoring: prompt of {0} tokens cut from the left to {1} to fit the"
                        + " context of {2} with a {3}-token continuation",
                prompt.length,
                kept.length,
                max,
                continuation.length);
        return kept;
    }

    private record PromptKey(long[] ids) {
        @Override
        public boolean equals(Object o) {
            return o instanceof PromptKey k && Arrays.equals(ids, k.ids);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ids);
        }
    }

    /**
     * Scores groups of continuations that share a prompt: the prompts run once (left-padded together) into a cache,
     * which is then repeated for each continuation of longer than one token.
     */
    private void scoreShared(
            List<List<Integer>> groups, List<long[]> prompts, List<long[]> continuations, ContinuationScore[] scores) {
        int vocab = model.config().vocabSize();
        long pad = PromptIds.padId(model.config());
        int g = groups.size();
        int maxPrompt = groups.stream()
                .mapToInt(grp -> prompts.get(grp.getFirst()).length)
                .max()
                .orElseThrow();
        long[][] ids = new long[g][maxPrompt];
        int[][] mask = new int[g][maxPrompt];
        for (int i = 0; i < g; i++) {
            long[] prompt = prompts.get(groups.get(i).getFirst());
            Arrays.fill(ids[i], pad);
            System.arraycopy(prompt, 0, ids[i], maxPrompt - prompt.length, prompt.length);
            Arrays.fill(mask[i], maxPrompt - prompt.length, maxPrompt, 1);
        }
        // the continuations that need a second pass (two or more tokens), with the group each belongs to
        List<Integer> rest = new ArrayList<>();
        List<Integer> restGroup = new ArrayList<>();
        for (int i = 0; i < g; i++) {
            for (int index : groups.get(i)) {
                if (continuations.get(index).length > 1) {
                    rest.add(index);
                    restGroup.add(i);
                }
            }
        }
        int window = rest.stream()
                .mapToInt(i -> continuations.get(i).length - 1)
                .max()
                .orElse(0);
        float[] first;
        float[] picked = new float[0];
        try (KvCache cache = model.newCache(g);
                NDScope ignored = new NDScope()) {
            first = model.forward(ids, mask, cache, 1).logSoftmax(-1).toFloatArray();
            if (!rest.isEmpty()) {
                cache.select(restGroup.stream().mapToInt(Integer::intValue).toArray());
                long[][] contIds = new long[rest.size()][window];
                int[][] contMask = new int[rest.size()][window];
                long[] targets = new long[rest.size() * window];
                for (int r = 0; r < rest.size(); r++) {
                    long[] cont = continuations.get(rest.get(r));
                    int n = cont.length - 1;
                    Arrays.fill(contIds[r], pad);
                    System.arraycopy(cont, 0, contIds[r], window - n, n);
                    Arrays.fill(contMask[r], window - n, window, 1);
                    System.arraycopy(cont, 1, targets, r * window + window - n, n);
                }
                NDArray logits = model.forward(contIds, contMask, cache, window);
                NDArray target = model.manager().create(targets, new Shape(rest.size(), window, 1));
                picked = logits.logSoftmax(-1).gather(target, -1).toFloatArray();
            }
        }
        for (int i = 0; i < g; i++) {
            for (int index : groups.get(i)) {
                long[] cont = continuations.get(index);
                float[] tokenScores = new float[cont.length];
                if (cont.length > 0) {
                    tokenScores[0] = first[i * vocab + (int) cont[0]];
                }
                int r = rest.indexOf(index);
                for (int t = 1; t < cont.length; t++) {
                    tokenScores[t] = picked[r * window + window - (cont.length - 1) + (t - 1)];
                }
                double sum = 0;
                for (float s : tokenScores) {
                    sum += s;
                }
                scores[index] = new ContinuationScore(sum, tokenScores, cont);
            }
        }
    }

    private List<ContinuationScore> scoreBatch(List<long[]> prompts, List<long[]> continuations) {
        int batch = prompts.size();
        int window = 0;
        int length = 0;
        for (int b = 0; b < batch; b++) {
            long[] prompt = prompts.get(b);
            window = Math.max(window, continuations.get(b).length);
            length = Math.max(length, prompt.length + Math.max(0, continuations.get(b).length - 1));
        }
        if (window == 0) {
            return continuations.stream()
                    .map(c -> new ContinuationScore(0, new float[0], c))
                    .toList();
        }
        long pad = PromptIds.padId(model.config());
        long[][] ids = new long[batch][length];
        int[][] mask = new int[batch][length];
        long[] targets = new long[batch * window];
        for (int b = 0; b < batch; b++) {
            long[] prompt = prompts.get(b);
            long[] cont = continuations.get(b);
            // the input is prompt + continuation without its last token, right-aligned
            int n = prompt.length + Math.max(0, cont.length - 1);
            Arrays.fill(ids[b], pad);
            System.arraycopy(prompt, 0, ids[b], length - n, prompt.length);
            System.arraycopy(cont, 0, ids[b], length - n + prompt.length, Math.max(0, cont.length - 1));
            Arrays.fill(mask[b], length - n, length, 1);
            System.arraycopy(cont, 0, targets, b * window + window - cont.length, cont.length);
        }
        float[] picked;
        try (NDScope ignored = new NDScope()) {
            NDArray logits = model.forward(ids, mask, null, window);
            NDArray target = model.manager().create(targets, new Shape(batch, window, 1));
            picked = logits.logSoftmax(-1).gather(target, -1).toFloatArray();
        }
        List<ContinuationScore> scores = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            long[] cont = continuations.get(b);
            float[] tokenScores = new float[cont.length];
            double sum = 0;
            for (int i = 0; i < cont.length; i++) {
                tokenScores[i] = picked[b * window + window - cont.length + i];
                sum += tokenScores[i];
            }
            scores.add(new ContinuationScore(sum, tokenScores, cont));
        }
        return scores;
    }
}
