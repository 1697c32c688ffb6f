package org.cailab.model.engine;

import org.jspecify.annotations.Nullable;

/** Turns request prompts into token ids, the same way for generation and scoring. */
final class PromptIds {

    private PromptIds() {}

    static long[] of(GenerationRequest request, @Nullable TextTokenizer tokenizer, LlamaConfig config) {
        if (request.promptIds() != null) {
            return nonEmpty(request.promptIds(), config);
        }
        return nonEmpty(encode(request.prompt(), tokenizer, true), config);
    }

    static long[] encode(String text, @Nullable TextTokenizer tokenizer, boolean addSpecialTokens) {
        if (tokenizer == null) {
            throw new IllegalStateException("this model has no tokenizer.json: pass token ids");
        }
        return tokenizer.encode(text, addSpecialTokens);
    }

    /** A prompt must hold at least one token to condition on: an empty one becomes BOS (or EOS). */
    static long[] nonEmpty(long[] ids, LlamaConfig config) {
        if (ids.length > 0) {
            return checked(ids, config);
        }
        if (config.bosTokenId() != null) {
            return new long[] {config.bosTokenId()};
        }
        if (!config.eosTokenIds().isEmpty()) {
            return new long[] {config.eosTokenIds().getFirst()};
        }
        throw new IllegalArgumentException("empty prompt and the model has no bos_token_id or eos_token_id");
    }

    /** Fails on ids outside the vocabulary (PyTorch's own error names no id). */
    static long[] checked(long[] ids, LlamaConfig config) {
        for (long id : ids) {
            if (id < 0 || id >= config.vocabSize()) {
                throw new IllegalArgumentException(
                        "token id " + id + " is outside the vocabulary of " + config.vocabSize());
            }
        }
        return ids;
    }

    /** Prompt ids that fit the model's context, and how many were cut from the left to make them fit. */
    record Fitted(long[] ids, int dropped) {}

    /**
     * Cuts a prompt from the left so that it leaves room for the answer within {@code max_position_embeddings}:
     * at most {@code max - min(maxNewTokens, max / 2)} tokens are kept (a leading BOS stays), so a long answer
     * budget never eats more than half the context; the answer itself stops when the context is full.
     */
    static Fitted fit(long[] ids, LlamaConfig config, int maxNewTokens) {
        int max = config.maxPositionEmbeddings();
        int keep = Math.max(1, max - Math.min(maxNewTokens, max / 2));
        if (ids.length <= keep) {
            return new Fitted(ids, 0);
        }
        long[] kept = new long[keep];
        boolean bos = config.bosTokenId() != null && ids[0] == config.bosTokenId() && keep > 1;
        int head = bos ? 1 : 0;
        if (bos) {
            kept[0] = ids[0];
        }
        System.arraycopy(ids, ids.length - (keep - head), kept, head, keep - head);
        return new Fitted(kept, ids.length - keep);
    }

    /** Any valid id will do for padding: those positions are masked. */
    static long padId(LlamaConfig config) {
        return config.eosTokenIds().isEmpty() ? 0 : config.eosTokenIds().getFirst();
    }
}
