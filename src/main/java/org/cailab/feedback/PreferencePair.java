package org.cailab.feedback;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.cailab.dialogue.Turn;
import org.jspecify.annotations.Nullable;

/**
 * A stored preference pair: a conversation that ends in a human turn, two responses and the probability that A is
 * the better one ({@code null} while it waits for a label).
 *
 * @param aiLabels how many AI feedback labels other pairs hold about this one (0 for AI feedback pairs themselves)
 */
public record PreferencePair(
        long id,
        PairTask task,
        PairSource source,
        List<Turn> conversation,
        String responseA,
        String responseB,
        @Nullable Double label,
        PairProvenance provenance,
        int aiLabels,
        OffsetDateTime createdAt) {

    public PreferencePair {
        conversation = List.copyOf(conversation);
        Objects.requireNonNull(provenance, "provenance");
    }

    /** Whether the pair has a label of its own or an AI feedback label about it. */
    public boolean labelled() {
        return label != null || aiLabels > 0;
    }

    /** The final human turn: what both responses answer. */
    public String lastHumanText() {
        return conversation.getLast().text();
    }
}
