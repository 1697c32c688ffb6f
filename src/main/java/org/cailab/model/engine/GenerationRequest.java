package org.cailab.model.engine;

import org.jspecify.annotations.Nullable;

/**
 * One prompt to continue: text (encoded with the tokenizer's special tokens, e.g. Llama's BOS) or token ids.
 *
 * @param prompt the prompt text, or null when {@code promptIds} is given
 * @param promptIds the prompt's token ids, or null when {@code prompt} is given
 * @param options sampling options
 * @param listener receives tokens as they are sampled, or null
 */
public record GenerationRequest(
        @Nullable String prompt,
        long @Nullable [] promptIds,
        GenerationOptions options,
        @Nullable TokenStreamListener listener) {

    public GenerationRequest {
        if ((prompt == null) == (promptIds == null)) {
            throw new IllegalArgumentException("give either a prompt text or prompt ids");
        }
    }

    public static GenerationRequest of(String prompt, GenerationOptions options) {
        return new GenerationRequest(prompt, null, options, null);
    }

    public static GenerationRequest ofIds(long[] promptIds, GenerationOptions options) {
        return new GenerationRequest(null, promptIds, options, null);
    }

    /** A copy that streams to a listener. */
    public GenerationRequest withListener(@Nullable TokenStreamListener newListener) {
        return new GenerationRequest(prompt, promptIds, options, newListener);
    }
}
