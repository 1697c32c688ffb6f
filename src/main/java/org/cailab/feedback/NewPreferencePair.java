package org.cailab.feedback;

import java.util.List;
import org.cailab.dialogue.Turn;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A pair before it is stored; {@code details} is free-form JSON (seeds, prompts, log-probabilities, reasoning). */
record NewPreferencePair(
        PairTask task,
        PairSource source,
        List<Turn> conversation,
        String responseA,
        String responseB,
        @Nullable Double label,
        PairProvenance provenance,
        @Nullable JsonNode details) {

    NewPreferencePair {
        conversation = List.copyOf(conversation);
        if (conversation.isEmpty() || conversation.getLast().speaker() != Turn.Speaker.HUMAN) {
            throw new IllegalArgumentException("A pair's conversation must end in a human turn");
        }
        if (label != null && !(label >= 0 && label <= 1)) {
            throw new IllegalArgumentException("A label is a probability in [0, 1], not " + label);
        }
    }
}
