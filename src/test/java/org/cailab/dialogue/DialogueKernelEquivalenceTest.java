package org.cailab.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.cailab.dialogue.LegacyDialogue.ComparisonTranscript;
import org.cailab.dialogue.LegacyDialogue.ConstitutionConversation;
import org.cailab.dialogue.LegacyDialogue.HhRlhf;
import org.cailab.dialogue.LegacyDialogue.HumanAssistantFormat;
import org.cailab.dialogue.LegacyDialogue.T;
import org.cailab.dialogue.LegacyDialogue.TypedTranscripts;
import org.junit.jupiter.api.Test;

/**
 * The kernel writes and reads exactly the bytes the five old codings did (frozen in {@link LegacyDialogue}), on
 * seeded random texts built from the pieces that matter: turn markers with and without blank lines, spaces and tabs,
 * Windows line breaks, control characters, lone surrogates and other labels.
 */
class DialogueKernelEquivalenceTest {

    private static final String[] PIECES = {
        "a",
        "b c",
        "Hello?",
        " ",
        "  ",
        "\t",
        "\n",
        "\n\n",
        "\r\n",
        "\n \n",
        "\n\t\n",
        "Human:",
        "Human: ",
        "Assistant:",
        "Assistant: ",
        "\n\nHuman: ",
        "\n\nAssistant: ",
        "\n\nHuman:",
        "\n\nAssistant:",
        "\nHuman:",
        "\n  Assistant :",
        "H:",
        "A: ",
        "\n\nH: ",
        "\n\nA: ",
        "Human",
        "\u0000",
        "\u0007",
        "\u001b[0m",
        "\ud800",
        "\udc00",
        "\ud83d\ude00",
        "é",
        "<b>x</b>",
        "CritiqueRequest:",
        ":",
        "\n\n\n"
    };
    private static final int CASES = 4000;

    private final Random random = new Random(20261203L);

    @Test
    void renderingAndPromptsMatchEveryOldCoding() {
        for (int i = 0; i < CASES; i++) {
            List<T> legacy = turns();
            Conversation kernel = kernel(legacy);
            assertThat(kernel.render()).isEqualTo(ConstitutionConversation.render(legacy));
            assertThat(kernel.render("H", "A")).isEqualTo(ConstitutionConversation.render(legacy, "H", "A"));
            assertThat(kernel.renderTyped()).isEqualTo(TypedTranscripts.toText(legacy));
            assertThat(kernel.renderTyped()).isEqualTo(HhRlhf.promptText(legacy));
            assertThat(kernel.prompt()).isEqualTo(HhRlhf.pairPrompt(legacy));
            assertThat(kernel.stripped().render()).isEqualTo(HumanAssistantFormat.transcript(legacy));
            assertThat(kernel.stripped().prompt()).isEqualTo(HumanAssistantFormat.prompt(legacy));
            String message = text();
            assertThat(Conversation.singleTurnPrompt(message)).isEqualTo(HumanAssistantFormat.prompt(message));
        }
    }

    @Test
    void liveConversationsMatchTheComparisonTranscript() {
        for (int i = 0; i < CASES; i++) {
            List<String[]> exchanges = new ArrayList<>();
            List<String> alternating = new ArrayList<>();
            for (int e = random.nextInt(4); e > 0; e--) {
                String human = text();
                String answer = text();
                exchanges.add(new String[] {human, answer});
                alternating.add(human);
                alternating.add(answer);
            }
            Conversation finished = Conversation.of(alternating.toArray(String[]::new));
            List<Exchange> live =
                    exchanges.stream().map(e -> new Exchange(e[0], e[1])).toList();
            String message = text();
            assertThat(finished.withoutTurnMarkers().render()).isEqualTo(ComparisonTranscript.transcript(exchanges));
            assertThat(finished.with(Turn.Speaker.HUMAN, message)
                            .withoutTurnMarkers()
                            .prompt())
                    .isEqualTo(ComparisonTranscript.prompt(exchanges, message));
            // what comparison and red teaming call
            assertThat(Exchange.transcript(live)).isEqualTo(ComparisonTranscript.transcript(exchanges));
            assertThat(Exchange.prompt(live, message)).isEqualTo(ComparisonTranscript.prompt(exchanges, message));
        }
    }

    @Test
    void textHygieneMatchesTheComparisonTranscript() {
        for (int i = 0; i < CASES; i++) {
            String text = text();
            assertThat(TurnText.printable(text)).isEqualTo(ComparisonTranscript.printable(text));
            assertThat(TurnText.withoutTurnMarkers(text)).isEqualTo(ComparisonTranscript.withoutTurnMarkers(text));
            assertThat(TurnText.answer(text)).isEqualTo(ComparisonTranscript.answer(text));
            assertThat(outcome(() -> {
                        TurnText.checkNoTurnMarkers(text);
                        return "accepted";
                    }))
                    .isEqualTo(outcome(() -> {
                        ComparisonTranscript.checkNoTurnMarkers(text);
                        return "accepted";
                    }));
        }
    }

    @Test
    void parsingMatchesEveryOldParser() {
        int accepted = 0;
        for (int i = 0; i < CASES; i++) {
            // rendered transcripts (always accepted by the exact parser) and free text (mostly refused)
            String transcript = random.nextBoolean() ? ConstitutionConversation.render(turns()) : text();
            String typed = random.nextBoolean() ? TypedTranscripts.toText(turns()) : text();
            assertThat(outcome(() -> legacy(Conversation.parse(transcript))))
                    .isEqualTo(outcome(() -> ConstitutionConversation.parse(transcript)));
            assertThat(outcome(() -> legacy(Conversation.parse(transcript, "H", "A"))))
                    .isEqualTo(outcome(() -> ConstitutionConversation.parse(transcript, "H", "A")));
            assertThat(outcome(() -> legacy(Conversation.parseLenient(transcript))))
                    .isEqualTo(outcome(() -> HhRlhf.parse(transcript)));
            assertThat(outcome(() -> legacy(Conversation.parseLenient(typed))))
                    .isEqualTo(outcome(() -> HhRlhf.parse(typed)));
            Object typedOutcome = outcome(() -> legacy(Conversation.parseTyped(typed)));
            assertThat(typedOutcome).isEqualTo(outcome(() -> TypedTranscripts.parse(typed)));
            if (typedOutcome instanceof List<?> l && !l.isEmpty()) {
                accepted++;
            }
        }
        // the inputs exercise both the accepting and the refusing paths
        assertThat(accepted).isBetween(CASES / 10, CASES - CASES / 10);
    }

    /** The value, or the exception's class and message: what a caller can observe. */
    private static Object outcome(Supplier<?> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private List<T> turns() {
        List<T> turns = new ArrayList<>();
        for (int n = random.nextInt(5); n > 0; n--) {
            turns.add(new T(random.nextBoolean(), text()));
        }
        return turns;
    }

    private String text() {
        StringBuilder out = new StringBuilder();
        for (int n = random.nextInt(7); n > 0; n--) {
            out.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return out.toString();
    }

    private static Conversation kernel(List<T> turns) {
        return new Conversation(turns.stream()
                .map(t -> t.human() ? Turn.human(t.text()) : Turn.assistant(t.text()))
                .toList());
    }

    private static List<T> legacy(Conversation conversation) {
        return conversation.turns().stream()
                .map(t -> new T(t.speaker() == Turn.Speaker.HUMAN, t.text()))
                .toList();
    }
}
