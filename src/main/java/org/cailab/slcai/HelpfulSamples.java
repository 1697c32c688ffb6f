package org.cailab.slcai;

import java.util.List;

/**
 * Responses sampled directly (no critique) for a helpfulness prompt; the paper adds them to the SL dataset so that
 * the finetuned model stays helpful.
 */
public record HelpfulSamples(long promptId, int promptPosition, List<ChatMessage> conversation,
                             List<String> responses, long seed, SlCaiGeneration generation) implements SlCaiSample {

    static final String KIND = "helpful";

    public HelpfulSamples {
        conversation = List.copyOf(conversation);
        responses = List.copyOf(responses);
        if (conversation.isEmpty() || !conversation.getLast().role().equals(ChatMessage.USER)) {
            throw new IllegalArgumentException("A prompt must end with a user turn");
        }
    }
}
