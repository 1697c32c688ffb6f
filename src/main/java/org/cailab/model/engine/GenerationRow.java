package org.cailab.model.engine;

import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/** One request's progress in a generating batch: sampled ids, stop checks and held-back streaming text. */
final class GenerationRow {

    private static final System.Logger LOG = System.getLogger(GenerationRow.class.getName());

    private final GenerationRequest request;
    private final long[] promptIds;
    private final @Nullable TextTokenizer tokenizer;
    private final List<Long> eosIds;
    private final SplittableRandom random;
    private long[] generated = new long[16];
    private int count;
    private String text = "";
    private int emitted;
    private @Nullable FinishReason finishReason;
    private int promptTokensDropped;
    private int largestBatch;

    GenerationRow(GenerationRequest request, long[] promptIds, @Nullable TextTokenizer tokenizer, List<Long> eosIds) {
        this(request, promptIds, 0, tokenizer, eosIds);
    }

    GenerationRow(
            GenerationRequest request,
            long[] promptIds,
            int promptTokensDropped,
            @Nullable TextTokenizer tokenizer,
            List<Long> eosIds) {
        this.request = request;
        this.promptIds = promptIds;
        this.promptTokensDropped = promptTokensDropped;
        this.tokenizer = tokenizer;
        this.eosIds = eosIds;
        Long seed = request.options().seed();
        this.random = seed == null ? new SplittableRandom() : new SplittableRandom(seed);
        if (request.options().maxNewTokens() == 0) {
            finishReason = FinishReason.MAX_TOKENS;
        }
    }

    long[] promptIds() {
        return promptIds;
    }

    GenerationRequest request() {
        return request;
    }

    /** The prompt and the tokens sampled so far: what a row that rejoins (after preemption) prefills. */
    long[] contextIds() {
        long[] ids = java.util.Arrays.copyOf(promptIds, promptIds.length + count);
        System.arraycopy(generated, 0, ids, promptIds.length, count);
        return ids;
    }

    /** Tokens of the prompt and the answer so far. */
    int contextLength() {
        return promptIds.length + count;
    }

    int generatedCount() {
        return count;
    }

    /** Records how many rows ran together while this one ran. */
    void observeBatch(int size) {
        largestBatch = Math.max(largestBatch, size);
    }

    /** Ends the row before its natural end, say when the model's context is full. */
    void stop(FinishReason reason) {
        if (finishReason == null) {
            finish(reason);
        }
    }

    boolean finished() {
        return finishReason != null;
    }

    long lastToken() {
        return generated[count - 1];
    }

    /** Samples from this row's logits and records the token; returns whether the row is still going. */
    boolean sample(float[] logits, int offset, int vocab) {
        long token = Sampler.sample(logits, offset, vocab, request.options(), random);
        GenerationOptions options = request.options();
        if (options.stopAtEos() && eosIds.contains(token)) {
            finish(FinishReason.END_OF_SEQUENCE);
            return false;
        }
        if (count == generated.length) {
            generated = java.util.Arrays.copyOf(generated, count * 2);
        }
        generated[count++] = token;
        String delta = "";
        if (tokenizer != null) {
            String full = tokenizer.decode(java.util.Arrays.copyOf(generated, count));
            int stop = firstStop(full, options.stopSequences());
            if (stop >= 0) {
                text = full.substring(0, stop);
                notify(token, "");
                finish(FinishReason.STOP_SEQUENCE);
                return false;
            }
            text = full;
            int settled = settled(full, options.stopSequences());
            if (settled > emitted && full.length() >= emitted) {
                delta = full.substring(emitted, settled);
                emitted = settled;
            }
        }
        notify(token, delta);
        if (count >= options.maxNewTokens()) {
            finish(FinishReason.MAX_TOKENS);
            return false;
        }
        return true;
    }

    private void finish(FinishReason reason) {
        finishReason = reason;
        if (text.length() > emitted) {
            notify(-1, text.substring(emitted));
            emitted = text.length();
        }
    }

    private void notify(long token, String delta) {
        TokenStreamListener listener = request.listener();
        if (listener == null || (token < 0 && delta.isEmpty())) {
            return;
        }
        try {
            listener.onToken(token, delta);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "token listener failed", e);
        }
    }

    private static int firstStop(String text, List<String> stops) {
        int first = -1;
        for (String stop : stops) {
            int i = text.indexOf(stop);
            if (i >= 0 && (first < 0 || i < first)) {
                first = i;
            }
        }
        return first;
    }

    /** The end of the text that is safe to stream: not a possible stop-sequence start, not a half character. */
    static int settled(String text, List<String> stops) {
        int end = text.length();
        // a character whose bytes are split over tokens decodes to one or more replacement characters until its last
        // byte arrives: hold all of them (a genuine U+FFFD at the end is flushed when the generation finishes)
        while (end > 0 && text.charAt(end - 1) == '\uFFFD') {
            end--;
        }
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        int hold = 0;
        for (String stop : stops) {
            for (int k = Math.min(stop.length() - 1, end); k > hold; k--) {
                if (text.regionMatches(end - k, stop, 0, k)) {
                    hold = k;
                    break;
                }
            }
        }
        return end - hold;
    }

    Generation result(int batchSize) {
        return new Generation(
                text,
                java.util.Arrays.copyOf(generated, count),
                finishReason == null ? FinishReason.MAX_TOKENS : finishReason,
                promptIds.length,
                Math.max(batchSize, largestBatch),
                promptTokensDropped);
    }

    /** The result, with the largest number of rows that ran together with this one as batch size. */
    Generation result() {
        return result(Math.max(1, largestBatch));
    }
}
