package org.cailab.model;

import java.time.Duration;

/**
 * One finished generation.
 *
 * @param finishReason {@code "stop"} (a stop sequence or end-of-sequence token) or {@code "length"}
 */
public record GenerationResult(String text, int promptTokens, int generatedTokens, String finishReason,
                               Duration elapsed) {

    public double tokensPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds == 0 ? 0 : generatedTokens / seconds;
    }
}
