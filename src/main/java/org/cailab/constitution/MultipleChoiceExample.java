package org.cailab.constitution;

import java.util.Objects;
import org.cailab.dialogue.Conversation;
import org.jspecify.annotations.Nullable;

/**
 * A few-shot example for multiple-choice feedback: a solved comparison.
 *
 * @param conversation the dialogue up to the compared response; normally ends with a human turn
 * @param instruction  the bare RL instruction to show, or {@code null} to show the principle of the
 *                     question being asked (the paper's few-shots carry no principle of their own)
 * @param responseA    option (A)
 * @param responseB    option (B)
 * @param correct      the better option
 */
public record MultipleChoiceExample(
        Conversation conversation, @Nullable String instruction, String responseA, String responseB, Choice correct) {

    public MultipleChoiceExample {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(responseA, "responseA");
        Objects.requireNonNull(responseB, "responseB");
        Objects.requireNonNull(correct, "correct");
    }

    /** The question this example answers, shown under the given instruction when it has none of its own. */
    public MultipleChoiceQuestion question(String fallbackInstruction) {
        return new MultipleChoiceQuestion(
                conversation, instruction != null ? instruction : fallbackInstruction, responseA, responseB);
    }
}
