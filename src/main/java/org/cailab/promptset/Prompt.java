package org.cailab.promptset;

import java.util.List;
import java.util.Map;
import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;

/**
 * A prompt of a set: a conversation that ends in a human turn (a single turn for first-turn and plain-text
 * imports). {@code metadata} says where it came from (source line or record) and, for red-team attempts, the
 * red-teamer's rating and task description.
 */
public record Prompt(long id, int position, List<Turn> turns, Map<String, Object> metadata) {

    public Prompt {
        turns = List.copyOf(turns);
        metadata = Map.copyOf(metadata);
        if (turns.isEmpty() || turns.getLast().speaker() != Turn.Speaker.HUMAN) {
            throw new IllegalArgumentException("A prompt must end in a human turn");
        }
    }

    /** The final human turn: what the model is asked to answer. */
    public String lastHumanText() {
        return turns.getLast().text();
    }

    /** The conversation in hh-rlhf form, {@code "Human: ...\n\nAssistant: ...\n\nHuman: ..."}. */
    public String transcript() {
        return transcript(turns);
    }

    public static String transcript(List<Turn> turns) {
        return new Conversation(turns).renderTyped();
    }
}
