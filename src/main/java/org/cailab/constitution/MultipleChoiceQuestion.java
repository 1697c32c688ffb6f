package org.cailab.constitution;

import java.util.Objects;
import org.cailab.dialogue.Conversation;

/**
 * A comparison put to the feedback model: which of two responses to a conversation better follows an
 * RL principle.
 *
 * @param conversation the dialogue up to (not including) the response being compared; normally it ends
 *                     with a human turn
 * @param instruction  the bare RL principle instruction
 * @param responseA    the response shown as option (A)
 * @param responseB    the response shown as option (B)
 */
public record MultipleChoiceQuestion(
        Conversation conversation, String instruction, String responseA, String responseB) {

    public MultipleChoiceQuestion {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(responseA, "responseA");
        Objects.requireNonNull(responseB, "responseB");
    }

    /** The response shown under the given option. */
    public String response(Choice choice) {
        return choice == Choice.A ? responseA : responseB;
    }
}
