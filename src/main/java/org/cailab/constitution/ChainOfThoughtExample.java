package org.cailab.constitution;

import java.util.Objects;
import org.cailab.dialogue.Conversation;
import org.jspecify.annotations.Nullable;

/**
 * A few-shot example for chain-of-thought feedback: a solved comparison with the reasoning that leads to
 * the answer, as in the paper's {@code RLMadisonPrecogFewShotPrompts.json}.
 *
 * @param conversation the dialogue up to the compared response; normally ends with a human turn
 * @param instruction  the bare RL instruction to show, or {@code null} to show the principle of the
 *                     question being asked (the paper's file has a {@code {}} placeholder there)
 * @param responseA    option (A)
 * @param responseB    option (B)
 * @param correct      the better option
 * @param reasoning    what follows {@code "Let's think step by step:"}; rendered after one space, or
 *                     directly when it starts with a line break
 */
public record ChainOfThoughtExample(
        Conversation conversation,
        @Nullable String instruction,
        String responseA,
        String responseB,
        Choice correct,
        String reasoning) {

    public ChainOfThoughtExample {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(responseA, "responseA");
        Objects.requireNonNull(responseB, "responseB");
        Objects.requireNonNull(correct, "correct");
        Objects.requireNonNull(reasoning, "reasoning");
    }

    /** The question this example answers, shown under the given instruction when it has none of its own. */
    public MultipleChoiceQuestion question(String fallbackInstruction) {
        return new MultipleChoiceQuestion(
                conversation, instruction != null ? instruction : fallbackInstruction, responseA, responseB);
    }
}
