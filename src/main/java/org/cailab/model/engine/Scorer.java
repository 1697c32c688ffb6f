package org.cailab.model.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Batched teacher-forced scoring. Rows are left-padded so that every continuation ends at the last position; only
 * the trailing window as long as the longest continuation goes through the LM head and log-softmax.
 */
final class Scorer {

    private final LlamaModel model;

    Scorer(LlamaModel model) {
        this.model = model;
    }

    /** Scores continuation ids after prompt ids, {@code maxBatchSize} rows at a time. */
    List<ContinuationScore> score(List<long[]> prompts, List<long[]> continuations, int maxBatchSize) {
        GradMode.disable();
        List<ContinuationScore> scores = new ArrayList<>();
        for (int start = 0; start < prompts.size(); start += maxBatchSize) {
            int end = Math.min(prompts.size(), start + maxBatchSize);
            scores.addAll(scoreBatch(prompts.subList(start, end), continuations.subList(start, end)));
        }
        return scores;
    }

    private List<ContinuationScore> scoreBatch(List<long[]> prompts, List<long[]> continuations) {
        int batch = prompts.size();
        int window = 0;
        int length = 0;
        for (int b = 0; b < batch; b++) {
            long[] prompt = PromptIds.nonEmpty(prompts.get(b), model.config());
            window = Math.max(window, PromptIds.checked(continuations.get(b), model.config()).length);
            length = Math.max(length, prompt.length + Math.max(0, continuations.get(b).length - 1));
        }
        if (window == 0) {
            return continuations.stream().map(c -> new ContinuationScore(0, new float[0], c)).toList();
        }
        long pad = PromptIds.padId(model.config());
        long[][] ids = new long[batch][length];
        int[][] mask = new int[batch][length];
        long[] targets = new long[batch * window];
        for (int b = 0; b < batch; b++) {
            long[] prompt = PromptIds.nonEmpty(prompts.get(b), model.config());
            long[] cont = continuations.get(b);
            // the input is prompt + continuation without its last token, right-aligned
            int n = prompt.length + Math.max(0, cont.length - 1);
            java.util.Arrays.fill(ids[b], pad);
            System.arraycopy(prompt, 0, ids[b], length - n, prompt.length);
            System.arraycopy(cont, 0, ids[b], length - n + prompt.length, Math.max(0, cont.length - 1));
            java.util.Arrays.fill(mask[b], length - n, length, 1);
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
