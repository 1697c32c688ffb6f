package org.cailab.feedback;

import java.util.Objects;
import org.cailab.constitution.ConstitutionContent;
import org.cailab.dialogue.Conversation;

/**
 * One pair to label.
 *
 * @param conversation the dialogue up to the two responses (normally ending with a human turn)
 * @param responseA    the pair's first response; the label is the probability that it is the better one
 * @param responseB    the pair's second response
 * @param constitution the constitution version's content: its enabled RL principles are drawn, its multiple-choice
 *                     (or chain-of-thought) examples prepended
 * @param options      how to label
 * @param seed         the label's seed (principle draws and reasoning samples derive from it); a run derives it
 *                     from its own seed and the item's key, so a retried item gets the same label
 */
public record LabelRequest(
        Conversation conversation,
        String responseA,
        String responseB,
        ConstitutionContent constitution,
        FeedbackOptions options,
        long seed) {

    public LabelRequest {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(responseA, "responseA");
        Objects.requireNonNull(responseB, "responseB");
        Objects.requireNonNull(constitution, "constitution");
        Objects.requireNonNull(options, "options");
    }
}
