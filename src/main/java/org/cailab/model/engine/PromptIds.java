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

    /** Any valid id will do for padding: those positions are masked. */
    static long padId(LlamaConfig config) {
        return config.eosTokenIds().isEmpty() ? 0 : config.eosTokenIds().getFirst();
    }
}
