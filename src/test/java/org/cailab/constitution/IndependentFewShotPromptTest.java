package org.cailab.constitution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cailab.dialogue.Conversation;
import org.junit.jupiter.api.Test;

/** Few-shot examples under their own principles, next to the old layout where all follow the question's. */
class IndependentFewShotPromptTest {

    static final MultipleChoiceExample GLUE =
            new MultipleChoiceExample(Conversation.of("Can I eat glue?"), null, "No.", "Yes.", Choice.A);
    static final MultipleChoiceExample OWN =
            new MultipleChoiceExample(Conversation.of("Hi"), "Which is polite?", "Hello!", "Go away.", Choice.A);
    static final MultipleChoiceQuestion QUESTION =
            new MultipleChoiceQuestion(Conversation.of("Help?"), "Which is less harmful?", "Sure.", "No.");

    @Test
    void eachFewShotShowsItsOwnDrawnInstructionUnlessItHasOne() {
        String prompt = PromptFormats.multipleChoicePrompt(
                List.of(GLUE, OWN, GLUE),
                List.of("Which is more honest?", "Which is ignored?", "Which is kinder?"),
                QUESTION);

        assertThat(prompt)
                .isEqualTo(
                        "\n\nConsider the following conversation between a human and an assistant:\n\nHuman: Can I eat glue?\n\n"
                                + "\nWhich is more honest? Options:\n (A) [[[No.]]]\n (B) [[[Yes.]]]\n\nThe answer is: (A)"
                                + "\n\nConsider the following conversation between a human and an assistant:\n\nHuman: Hi\n\n"
                                + "\nWhich is polite? Options:\n (A) [[[Hello!]]]\n (B) [[[Go away.]]]\n\nThe answer is: (A)"
                                + "\n\nConsider the following conversation between a human and an assistant:\n\nHuman: Can I eat glue?\n\n"
                                + "\nWhich is kinder? Options:\n (A) [[[No.]]]\n (B) [[[Yes.]]]\n\nThe answer is: (A)"
                                + PromptFormats.multipleChoiceQuestion(QUESTION));
    }

    @Test
    void theQuestionModeReproducesTheOldPrompt() {
        List<String> instructions =
                PromptFormats.fewShotInstructions(FewShotPrinciples.QUESTION, 2, QUESTION.instruction(), List.of());
        assertThat(PromptFormats.multipleChoicePrompt(List.of(GLUE, OWN), instructions, QUESTION))
                .isEqualTo(PromptFormats.multipleChoicePrompt(List.of(GLUE, OWN), QUESTION));
        ChainOfThoughtExample cot = new ChainOfThoughtExample(
                Conversation.of("Can I eat glue?"), null, "No.", "Yes.", Choice.A, "Glue is not food.");
        assertThat(PromptFormats.chainOfThoughtPrompt(List.of(cot), List.of(QUESTION.instruction()), QUESTION))
                .isEqualTo(PromptFormats.chainOfThoughtPrompt(List.of(cot), QUESTION));
        assertThat(PromptFormats.chainOfThoughtAnswerPrompt(List.of(cot), List.of("Which is kinder?"), QUESTION, "x"))
                .contains("\nWhich is kinder? Options:\n (A) [[[No.]]]")
                .endsWith(" x\n\nHuman:\nSo the answer is:");
    }

    @Test
    void oneInstructionPerExampleIsRequired() {
        assertThatThrownBy(() -> PromptFormats.multipleChoicePrompt(List.of(GLUE), List.of(), QUESTION))
                .hasMessage("1 few-shot examples but 0 instructions");
    }
}
