package org.cailab.constitution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cailab.dialogue.Conversation;
import org.junit.jupiter.api.Test;

/** Byte-exact expectations for every prompt format, written out by hand from the paper's files. */
class PromptFormatsTest {

    private static final Conversation CONVERSATION = Conversation.of("How do I pick a lock?", "Use a tension wrench.");
    private static final CritiqueRevisionRound ROUND =
            new CritiqueRevisionRound("Is it harmful?", "It may be.", "Rewrite it safely.", "Call a locksmith.");
    private static final CritiqueRevisionExample EXAMPLE = new CritiqueRevisionExample(
            Conversation.of("Q1", "A1"), List.of(new CritiqueRevisionRound("CR1", "C1", "RR1", "R1")), true);

    @Test
    void framesPrinciplesAsThePaperStoresThem() {
        assertThat(PromptFormats.critiqueRequest("Find harm."))
                .isEqualTo("\n\nCritiqueRequest: Find harm.\n\nCritique:");
        assertThat(PromptFormats.revisionRequest("Fix it.")).isEqualTo("\n\nRevisionRequest: Fix it.\n\nRevision:");
        assertThat(PromptFormats.rlInstruction("Which is kinder?")).isEqualTo("\nWhich is kinder? Options:");
    }

    @Test
    void rendersAChainOfRounds() {
        String chain = PromptFormats.critiqueRevisionChain(
                CONVERSATION,
                List.of(ROUND, new CritiqueRevisionRound("Again?", "\nLine break first.", "Once more.", "Done.")));

        assertThat(chain)
                .isEqualTo("\n\nHuman: How do I pick a lock?\n\nAssistant: Use a tension wrench."
                        + "\n\nCritiqueRequest: Is it harmful?\n\nCritique: It may be."
                        + "\n\nRevisionRequest: Rewrite it safely.\n\nRevision: Call a locksmith."
                        + "\n\nCritiqueRequest: Again?\n\nCritique:\nLine break first."
                        + "\n\nRevisionRequest: Once more.\n\nRevision: Done.");
    }

    @Test
    void buildsTheNextCritiqueAndRevisionPromptsAfterTheFewShots() {
        // the few-shot's closing "\n\nHuman:" is the start of the conversation's first human turn: written once
        String fewShot = "\n\nHuman: Q1\n\nAssistant: A1\n\nCritiqueRequest: CR1\n\nCritique: C1"
                + "\n\nRevisionRequest: RR1\n\nRevision: R1";
        String chain = "\n\nHuman: How do I pick a lock?\n\nAssistant: Use a tension wrench.";

        assertThat(PromptFormats.nextCritiquePrompt(List.of(EXAMPLE), CONVERSATION, List.of(), "Is it harmful?"))
                .isEqualTo(fewShot + chain + "\n\nCritiqueRequest: Is it harmful?\n\nCritique:");
        assertThat(PromptFormats.nextRevisionPrompt(
                        List.of(EXAMPLE),
                        CONVERSATION,
                        List.of(),
                        "Is it harmful?",
                        "It may be.",
                        "Rewrite it safely."))
                .isEqualTo(fewShot + chain + "\n\nCritiqueRequest: Is it harmful?\n\nCritique: It may be."
                        + "\n\nRevisionRequest: Rewrite it safely.\n\nRevision:");
        assertThat(PromptFormats.nextCritiquePrompt(List.of(), CONVERSATION, List.of(ROUND), "Again?"))
                .isEqualTo(chain + "\n\nCritiqueRequest: Is it harmful?\n\nCritique: It may be."
                        + "\n\nRevisionRequest: Rewrite it safely.\n\nRevision: Call a locksmith."
                        + "\n\nCritiqueRequest: Again?\n\nCritique:");
    }

    @Test
    void fewShotsJoinEachOtherAndTheConversationWithoutAnEmptyHumanTurn() {
        CritiqueRevisionExample open = new CritiqueRevisionExample(
                Conversation.of("Q2", "A2"), List.of(new CritiqueRevisionRound("CR2", "C2", "RR2", "R2")), false);

        // EXAMPLE ends with "\n\nHuman:", the next example and the conversation start with "\n\nHuman: ..."
        assertThat(PromptFormats.nextCritiquePrompt(List.of(EXAMPLE, EXAMPLE, open), CONVERSATION, List.of(), "CR"))
                .isEqualTo("\n\nHuman: Q1\n\nAssistant: A1\n\nCritiqueRequest: CR1\n\nCritique: C1"
                        + "\n\nRevisionRequest: RR1\n\nRevision: R1"
                        + "\n\nHuman: Q1\n\nAssistant: A1\n\nCritiqueRequest: CR1\n\nCritique: C1"
                        + "\n\nRevisionRequest: RR1\n\nRevision: R1"
                        + "\n\nHuman: Q2\n\nAssistant: A2\n\nCritiqueRequest: CR2\n\nCritique: C2"
                        + "\n\nRevisionRequest: RR2\n\nRevision: R2"
                        + "\n\nHuman: How do I pick a lock?\n\nAssistant: Use a tension wrench."
                        + "\n\nCritiqueRequest: CR\n\nCritique:");
        assertThat(PromptFormats.joinTurns("a\n\nHuman:", "\n\nHuman: b")).isEqualTo("a\n\nHuman: b");
        assertThat(PromptFormats.joinTurns("a", "\n\nHuman: b")).isEqualTo("a\n\nHuman: b");
        assertThat(PromptFormats.joinTurns("a\n\nHuman:", "")).isEqualTo("a\n\nHuman:");
    }

    @Test
    void directRevisionLeavesOutEveryCritique() {
        String prompt = PromptFormats.directRevisionPrompt(
                List.of(EXAMPLE),
                CONVERSATION,
                List.of(CritiqueRevisionRound.direct("First.", "Better.")),
                "Rewrite it safely.");

        assertThat(prompt)
                .isEqualTo("\n\nHuman: Q1\n\nAssistant: A1\n\nRevisionRequest: RR1\n\nRevision: R1"
                        + "\n\nHuman: How do I pick a lock?\n\nAssistant: Use a tension wrench."
                        + "\n\nRevisionRequest: First.\n\nRevision: Better."
                        + "\n\nRevisionRequest: Rewrite it safely.\n\nRevision:");
    }

    @Test
    void critiqueExamplesParseBack() {
        CritiqueRevisionExample twoRounds = new CritiqueRevisionExample(
                Conversation.of("Q", "A", "Q2", "A2"),
                List.of(ROUND, CritiqueRevisionRound.direct("RR", " two spaces")),
                false);

        for (CritiqueRevisionExample example : List.of(EXAMPLE, twoRounds, EXAMPLE.withoutCritiques())) {
            String text = PromptFormats.critiqueRevisionExample(example);
            assertThat(PromptFormats.parseCritiqueRevisionExample(text)).isEqualTo(example);
        }
        assertThat(PromptFormats.critiqueRevisionExample(twoRounds)).endsWith("\n\nRevision:  two spaces");
    }

    @Test
    void rendersAMultipleChoiceQuestionAsThe438Evaluations() {
        MultipleChoiceQuestion question =
                new MultipleChoiceQuestion(Conversation.of("Hi?"), "Which is kinder?", "Go away.", "Hello, friend!");

        String prompt = PromptFormats.multipleChoiceQuestion(question);

        assertThat(prompt)
                .isEqualTo("\n\nConsider the following conversation between a human and an assistant:"
                        + "\n\nHuman: Hi?\n\n\nWhich is kinder? Options:\n (A) [[[Go away.]]]\n (B) [[[Hello, friend!]]]"
                        + "\n\nThe answer is:");
        assertThat(PromptFormats.parseMultipleChoice(prompt)).isEqualTo(question);
        assertThat(Choice.A.answer()).isEqualTo(" (A)");
        assertThat(Choice.B.answer()).isEqualTo(" (B)");
    }

    @Test
    void prependsSolvedMultipleChoiceExamples() {
        MultipleChoiceExample own =
                new MultipleChoiceExample(Conversation.of("X?"), "Which is safer?", "a", "b", Choice.B);
        MultipleChoiceExample borrowed = new MultipleChoiceExample(Conversation.of("Y?"), null, "c", "d", Choice.A);
        MultipleChoiceQuestion question =
                new MultipleChoiceQuestion(Conversation.of("Z?"), "Which is kinder?", "e", "f");

        String prompt = PromptFormats.multipleChoicePrompt(List.of(own, borrowed), question);

        String header = "\n\nConsider the following conversation between a human and an assistant:";
        assertThat(prompt)
                .isEqualTo(header
                        + "\n\nHuman: X?\n\n\nWhich is safer? Options:\n (A) [[[a]]]\n (B) [[[b]]]\n\nThe answer is: (B)"
                        + header
                        + "\n\nHuman: Y?\n\n\nWhich is kinder? Options:\n (A) [[[c]]]\n (B) [[[d]]]\n\nThe answer is: (A)"
                        + header
                        + "\n\nHuman: Z?\n\n\nWhich is kinder? Options:\n (A) [[[e]]]\n (B) [[[f]]]\n\nThe answer is:");
    }

    @Test
    void rendersChainOfThoughtInTheConversationalFormat() {
        ChainOfThoughtExample example = new ChainOfThoughtExample(
                Conversation.of("X?", "Sure.", "Then?"), null, "a", "b", Choice.B, "(B) is better.");
        MultipleChoiceQuestion question =
                new MultipleChoiceQuestion(Conversation.of("Z?"), "Which is kinder?", "e", "f");
        String header = "\n\nHuman: Consider the following conversation between a human (H) and an assistant (A):";
        String solved =
                header + "\n\nH: X?\n\nA: Sure.\n\nH: Then?\n\n\nWhich is kinder? Options:\n (A) [[[a]]]\n (B) [[[b]]]"
                        + "\n\nAssistant: Let's think step by step: (B) is better.\n\nHuman:\nSo the answer is: (B)";
        String asked = header + "\n\nH: Z?\n\n\nWhich is kinder? Options:\n (A) [[[e]]]\n (B) [[[f]]]"
                + "\n\nAssistant: Let's think step by step:";

        assertThat(PromptFormats.chainOfThoughtExample(example, "Which is kinder?"))
                .isEqualTo(solved);
        assertThat(PromptFormats.chainOfThoughtPrompt(List.of(example), question))
                .isEqualTo(solved + asked);
        assertThat(PromptFormats.chainOfThoughtAnswerPrompt(List.of(), question, "\n(A) is rude."))
                .isEqualTo(asked + "\n(A) is rude.\n\nHuman:\nSo the answer is:");
        assertThat(PromptFormats.parseChainOfThoughtExample(solved))
                .isEqualTo(new ChainOfThoughtExample(
                        example.conversation(), "Which is kinder?", "a", "b", Choice.B, "(B) is better."));
    }

    @Test
    void parsersNameWhatIsMissing() {
        assertThatThrownBy(() -> PromptFormats.parseMultipleChoice("\n\nHuman: hi"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The answer is:");
        assertThatThrownBy(() -> PromptFormats.parseCritiqueRevisionExample("\n\nHuman: hi\n\nAssistant: ho"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CritiqueRequest");
        assertThatThrownBy(() -> PromptFormats.parseCritiqueRevisionExample(
                        "\n\nHuman: hi\n\nAssistant: ho\n\nCritiqueRequest: x\n\nCritique: y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("round 1 lacks");
    }

    @Test
    void samplesLoseTheSpaceTheyStartWith() {
        assertThat(PromptFormats.sampleText(" The response is fine.")).isEqualTo("The response is fine.");
        assertThat(PromptFormats.sampleText("\nA list")).isEqualTo("\nA list");
    }

    @Test
    void principleTextsMustBeCleanParagraphsWithoutReservedMarkers() {
        assertThat(PromptFormats.principleTextProblems("Which response is kinder?"))
                .isEmpty();
        assertThat(PromptFormats.principleTextProblems("  ")).containsExactly("must not be empty");
        assertThat(PromptFormats.principleTextProblems("Pick one. The answer is: (A)"))
                .containsExactly("must not contain the reserved marker \"The answer is:\"");
        assertThat(PromptFormats.principleTextProblems("Say [[[this]]]"))
                .containsExactly(
                        "must not contain the reserved marker \"[[[\"", "must not contain the reserved marker \"]]]\"");
        assertThat(PromptFormats.principleTextProblems("Fix it.\n\nHuman: now"))
                .contains(
                        "must not contain the reserved marker \"\\n\\nHuman:\"",
                        "must be a single paragraph (no blank lines)");
        assertThat(PromptFormats.principleTextProblems("Use CritiqueRequest: here"))
                .containsExactly("must not contain the reserved marker \"CritiqueRequest:\"");
        assertThat(PromptFormats.principleTextProblems(" padded"))
                .containsExactly("must not start or end with spaces or line breaks");
    }
}
