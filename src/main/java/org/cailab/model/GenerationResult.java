package org.cailab.model;

import java.time.Duration;

/**
 * One finished generation.
 *
 * @param finishReason        why it ended (the engine's reason in lower case, e.g. {@code "stop_sequence"},
 *                            {@code "max_tokens"})
 * @param promptTokensDropped tokens cut from the left of a prompt too long for the model's context (0 normally)
 */
public record GenerationResult(
        String text,
        int promptTokens,
        int generatedTokens,
        String finishReason,
        Duration elapsed,
        int promptTokensDropped) {

    /** A result whose prompt was used whole. */
    public GenerationResult(String text, int promptTokens, int generatedTokens, String finishReason, Duration elapsed) {
        this(text, promptTokens, generatedTokens, finishReason, elapsed, 0);
    }

    public double tokensPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds == 0 ? 0 : generatedTokens / seconds;
    }
}
