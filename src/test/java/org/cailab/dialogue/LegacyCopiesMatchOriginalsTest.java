package org.cailab.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.cailab.dialogue.LegacyDialogue.T;
import org.junit.jupiter.api.Test;

/** Temporary: the frozen copies behave as the originals (run once before the originals are deleted). */
class LegacyCopiesMatchOriginalsTest {

    private static final String[] PIECES = {
        "a",
        "b c",
        " ",
        "\t",
        "\n",
        "\n\n",
        "\r\n",
        "\n \n",
        "Human:",
        "Human: ",
        "Assistant: ",
        "\n\nHuman: ",
        "\n\nAssistant: ",
        "\n\nHuman:",
        "\n\nAssistant:",
        "\nHuman:",
        "\n  Assistant :",
        "\n\nH: ",
        "\n\nA: ",
        "\u0000",
        "\ud800",
        "\ud83d\ude00",
        "\n\n\n"
    };
    private final Random random = new Random(7);

    @Test
    void copiesMatch() {
        for (int i = 0; i < 3000; i++) {
            List<T> turns = new ArrayList<>();
            for (int n = random.nextInt(5); n > 0; n--) {
                turns.add(new T(random.nextBoolean(), text()));
            }
            var haf = turns.stream()
                    .map(t -> new org.cailab.model.engine.HumanAssistantFormat.Turn(t.human(), t.text()))
                    .toList();
            var cc = new org.cailab.constitution.Conversation(turns.stream()
                    .map(t -> new org.cailab.constitution.Conversation.Turn(
                            t.human()
                                    ? org.cailab.constitution.Conversation.Speaker.HUMAN
                                    : org.cailab.constitution.Conversation.Speaker.ASSISTANT,
                            t.text()))
                    .toList());
            var pt = turns.stream()
                    .map(t -> t.human()
                            ? org.cailab.promptset.Turn.human(t.text())
                            : org.cailab.promptset.Turn.assistant(t.text()))
                    .toList();
            assertThat(LegacyDialogue.HumanAssistantFormat.prompt(turns))
                    .isEqualTo(org.cailab.model.engine.HumanAssistantFormat.prompt(haf));
            assertThat(LegacyDialogue.HumanAssistantFormat.transcript(turns))
                    .isEqualTo(org.cailab.model.engine.HumanAssistantFormat.transcript(haf));
            String s = text();
            assertThat(LegacyDialogue.HumanAssistantFormat.prompt(s))
                    .isEqualTo(org.cailab.model.engine.HumanAssistantFormat.prompt(s));
            assertThat(LegacyDialogue.ConstitutionConversation.render(turns)).isEqualTo(cc.render());
            assertThat(LegacyDialogue.HhRlhf.promptText(turns)).isEqualTo(org.cailab.promptset.Prompt.transcript(pt));
            assertThat(LegacyDialogue.HhRlhf.pairPrompt(turns))
                    .isEqualTo(org.cailab.feedback.PreferencePairJson.prompt(pt));
            String r = random.nextBoolean() ? cc.render() : text();
            assertThat(outcome(() -> LegacyDialogue.ConstitutionConversation.parse(r)))
                    .isEqualTo(outcome(() -> back(org.cailab.constitution.Conversation.parse(r))));
            assertThat(outcome(() -> LegacyDialogue.HhRlhf.parse(r)))
                    .isEqualTo(outcome(() -> org.cailab.promptset.Transcripts.parse(r).stream()
                            .map(t -> new T(t.speaker() == org.cailab.promptset.Turn.Speaker.HUMAN, t.text()))
                            .toList()));
            List<String[]> ex = new ArrayList<>();
            List<org.cailab.comparison.Exchange> ex2 = new ArrayList<>();
            for (int e = random.nextInt(3); e > 0; e--) {
                String h = text(), a = text();
                ex.add(new String[] {h, a});
                ex2.add(new org.cailab.comparison.Exchange(h, a));
            }
            assertThat(LegacyDialogue.ComparisonTranscript.prompt(ex, s))
                    .isEqualTo(org.cailab.comparison.Transcript.prompt(ex2, s));
            assertThat(LegacyDialogue.ComparisonTranscript.transcript(ex))
                    .isEqualTo(org.cailab.comparison.Transcript.transcript(ex2));
            assertThat(LegacyDialogue.ComparisonTranscript.answer(s))
                    .isEqualTo(org.cailab.comparison.Transcript.answer(s));
            assertThat(LegacyDialogue.ComparisonTranscript.printable(s))
                    .isEqualTo(org.cailab.comparison.Transcript.printable(s));
            assertThat(outcome(() -> {
                        LegacyDialogue.ComparisonTranscript.checkNoTurnMarkers(s);
                        return "ok";
                    }))
                    .isEqualTo(outcome(() -> {
                        org.cailab.comparison.Transcript.checkNoTurnMarkers(s);
                        return "ok";
                    }));
        }
    }

    private static List<T> back(org.cailab.constitution.Conversation c) {
        return c.turns().stream()
                .map(t -> new T(t.speaker() == org.cailab.constitution.Conversation.Speaker.HUMAN, t.text()))
                .toList();
    }

    private static Object outcome(Supplier<?> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private String text() {
        StringBuilder out = new StringBuilder();
        for (int n = random.nextInt(7); n > 0; n--) {
            out.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return out.toString();
    }
}
