package org.cailab.slcai;

import java.util.List;

/**
 * A red-team chain's responses as a reward model reads them: the conversation in the paper's transcript format
 * ending in {@code "\n\nAssistant:"}, and the response after each round (index 0 the initial response, index n the
 * revision of round n), each as the completion that follows the prompt (after one space), with whether it stopped
 * at the token limit.
 *
 * @param itemKey the chain's item key in its SL-CAI run, for example {@code chain-000042}
 */
public record ChainResponses(String itemKey, String prompt, List<String> responses, List<Boolean> truncated) {

    public ChainResponses {
        responses = List.copyOf(responses);
        truncated = List.copyOf(truncated);
        if (responses.size() != truncated.size()) {
            throw new IllegalArgumentException(responses.size() + " responses but " + truncated.size() + " flags");
        }
    }

    /** The rounds of the chain: responses after 0 (initial) to n revisions. */
    public int rounds() {
        return responses.size() - 1;
    }
}
