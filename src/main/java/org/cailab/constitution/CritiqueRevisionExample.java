package org.cailab.constitution;

import java.util.List;
import java.util.Objects;
import org.cailab.dialogue.Conversation;

/**
 * A few-shot critique/revision dialogue, as in the paper's {@code CritiqueRevisionFewShotPrompts.json}:
 * a conversation that ends with the assistant response under critique, then one or more rounds.
 *
 * @param conversation        the dialogue; its last turn is the assistant response being critiqued
 * @param rounds              the critique/revision rounds, at least one
 * @param endsWithHumanMarker whether the rendered example ends with {@code "\n\nHuman:"}; the paper ends
 *                            four of its five examples this way, which shows the model that a revision
 *                            ends where the next human turn starts (the sampler's stop sequence)
 */
public record CritiqueRevisionExample(
        Conversation conversation, List<CritiqueRevisionRound> rounds, boolean endsWithHumanMarker) {

    public CritiqueRevisionExample {
        Objects.requireNonNull(conversation, "conversation");
        rounds = List.copyOf(rounds);
    }

    /** This example with every critique removed, as the direct-revision ablation shows it. */
    public CritiqueRevisionExample withoutCritiques() {
        return new CritiqueRevisionExample(
                conversation,
                rounds.stream().map(CritiqueRevisionRound::withoutCritique).toList(),
                endsWithHumanMarker);
    }
}
