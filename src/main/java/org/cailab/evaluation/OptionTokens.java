package org.cailab.evaluation;

import java.util.Arrays;
import org.cailab.model.engine.TextTokenizer;

/**
 * The tokens of a prompt and of one option after it, by this project's convention (as Hugging Face transformers
 * scores by default): the prompt and the option are encoded as one string, with the special tokens that the
 * checkpoint's {@code tokenizer.json} post-processor adds (Llama 3 its begin-of-text token; a tokenizer without a
 * post-processor adds none); the option's tokens are those after the encoding of the prompt alone. Where that
 * encoding is not a prefix of the whole (a merge across the boundary, or a post-processor that appends tokens), the
 * option is encoded on its own, without special tokens, after the prompt's tokens, and {@code separatelyEncoded} says
 * so.
 *
 * @param promptIds         the prompt's tokens (with the special tokens)
 * @param optionIds         the option's tokens, scored after the prompt's
 * @param separatelyEncoded whether the option had to be encoded on its own
 */
public record OptionTokens(long[] promptIds, long[] optionIds, boolean separatelyEncoded) {

    /** Tokenises a prompt and an option by the convention. */
    public static OptionTokens of(TextTokenizer tokenizer, String prompt, String option) {
        long[] promptIds = tokenizer.encode(prompt, true);
        long[] whole = tokenizer.encode(prompt + option, true);
        boolean prefix = whole.length >= promptIds.length
                && Arrays.equals(whole, 0, promptIds.length, promptIds, 0, promptIds.length);
        if (prefix) {
            return new OptionTokens(promptIds, Arrays.copyOfRange(whole, promptIds.length, whole.length), false);
        }
        return new OptionTokens(promptIds, tokenizer.encode(option, false), true);
    }
}
