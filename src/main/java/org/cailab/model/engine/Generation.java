package org.cailab.model.engine;

/**
 * The result of one generation request.
 *
 * @param text the generated text, cut before any stop sequence; empty when the model has no tokenizer
 * @param tokenIds every sampled token (those of a stop sequence included, an end-of-sequence token not)
 * @param finishReason why it ended
 * @param promptTokens the prompt's length in tokens (after any cut)
 * @param batchSize the most requests that ran together with this one (continuous batching: rows join and leave)
 * @param promptTokensDropped tokens cut from the left of a prompt longer than the model's context allows (0 when the
 *     prompt was used whole)
 */
public record Generation(
        String text,
        long[] tokenIds,
        FinishReason finishReason,
        int promptTokens,
        int batchSize,
        int promptTokensDropped) {

    /** A result whose prompt was used whole. */
    public Generation(String text, long[] tokenIds, FinishReason finishReason, int promptTokens, int batchSize) {
        this(text, tokenIds, finishReason, promptTokens, batchSize, 0);
    }
}
