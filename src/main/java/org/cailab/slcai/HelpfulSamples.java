package org.cailab.slcai;

import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Responses sampled directly (no critique) for a helpfulness prompt; the paper adds them to the SL dataset so that
 * the finetuned model stays helpful.
 *
 * @param truncated one flag per response: whether it stopped at the token limit (all false in samples stored before
 *                  the flag)
 */
public record HelpfulSamples(
        long promptId,
        int promptPosition,
        List<ChatMessage> conversation,
        List<String> responses,
        long seed,
        SlCaiGeneration generation,
        @Nullable List<Boolean> truncated)
        implements SlCaiSample {

    static final String KIND = "helpful";

    public HelpfulSamples {
        conversation = List.copyOf(conversation);
        responses = List.copyOf(responses);
        truncated = truncated == null ? Collections.nCopies(responses.size(), false) : List.copyOf(truncated);
        if (truncated.size() != responses.size()) {
            throw new IllegalArgumentException("One truncation flag per response: " + truncated.size() + " flags for "
                    + responses.size() + " responses");
        }
        if (conversation.isEmpty() || !conversation.getLast().role().equals(ChatMessage.USER)) {
            throw new IllegalArgumentException("A prompt must end with a user turn");
        }
    }

    /** Samples that all ended before the token limit. */
    public HelpfulSamples(
            long promptId,
            int promptPosition,
            List<ChatMessage> conversation,
            List<String> responses,
            long seed,
            SlCaiGeneration generation) {
        this(promptId, promptPosition, conversation, responses, seed, generation, null);
    }

    /** Whether response {@code index} stopped at the token limit. */
    public boolean truncated(int index) {
        return Boolean.TRUE.equals(truncated().get(index));
    }
}
