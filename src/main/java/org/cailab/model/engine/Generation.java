package org.cailab.model.engine;

/**
 * The result of one generation request.
 *
 * @param text the generated text, cut before any stop sequence; empty when the model has no tokenizer
 * @param tokenIds every sampled token (those of a stop sequence included, an end-of-sequence token not)
 * @param finishReason why it ended
 * @param promptTokens the prompt's length in tokens
 * @param batchSize how many requests ran in the same batch as this one
 */
public record Generation(String text, long[] tokenIds, FinishReason finishReason, int promptTokens, int batchSize) {}
