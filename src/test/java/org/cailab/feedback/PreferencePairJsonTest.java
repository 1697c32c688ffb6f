package org.cailab.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.OffsetDateTime;
import java.util.List;
import org.cailab.dialogue.Turn;
import org.junit.jupiter.api.Test;

/** Export lines read back to the pair they were written from, in both layouts, for every kind of label. */
class PreferencePairJsonTest {

    private static final List<Turn> CONVERSATION = List.of(
            Turn.human("Hi"),
            Turn.assistant("Hello! \"Quoted\" <b>"),
            Turn.human("Can you help me with my taxes?\nThey are due."));

    @Test
    void jsonLinesPutThePreferredResponseFirstAndKeepTheSoftLabel() {
        for (double label : new double[] {1.0, 0.83, 0.5, 0.2, 0.0}) {
            PreferencePair pair = pair(label);
            PreferencePairJson.ExportedPair read =
                    PreferencePairJson.read(PreferencePairJson.line(pair, PairExportFormat.JSONL));
            assertThat(read.conversation()).isEqualTo(CONVERSATION);
            boolean aChosen = label >= 0.5;
            assertThat(read.chosen()).isEqualTo(aChosen ? pair.responseA() : pair.responseB());
            assertThat(read.rejected()).isEqualTo(aChosen ? pair.responseB() : pair.responseA());
            // the label is P(chosen better): back to P(A better) with the side
            double labelA = aChosen ? read.label() : 1 - read.label();
            assertThat(labelA).isCloseTo(label, within(1e-12));
            assertThat(read.provenance().get("source").asString()).isEqualTo("ai_feedback");
            assertThat(read.provenance().get("principles").get(0).asString()).isEqualTo("less-harmful");
        }
    }

    @Test
    void aPairWithoutALabelKeepsItsOrderAndANullLabel() {
        PreferencePair pair = pair(null);
        PreferencePairJson.ExportedPair read =
                PreferencePairJson.read(PreferencePairJson.line(pair, PairExportFormat.JSONL));
        assertThat(read.chosen()).isEqualTo(pair.responseA());
        assertThat(read.label()).isNull();
        assertThat(PreferencePairJson.line(pair, PairExportFormat.TRL))
                .as("no preference, no TRL line")
                .isNull();
        assertThat(PreferencePairJson.line(pair(0.5), PairExportFormat.TRL)).isNull();
    }

    @Test
    void trlLinesAreMessageListsThatReadBack() {
        PreferencePair pair = pair(0.2);
        String line = PreferencePairJson.line(pair, PairExportFormat.TRL);
        assertThat(line).startsWith("{\"chosen\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\"");
        PreferencePairJson.ExportedPair read = PreferencePairJson.read(line);
        assertThat(read.conversation()).isEqualTo(CONVERSATION);
        assertThat(read.chosen()).isEqualTo(pair.responseB());
        assertThat(read.rejected()).isEqualTo(pair.responseA());
    }

    @Test
    void thePromptIsThePapersFormat() {
        assertThat(PreferencePairJson.prompt(List.of(Turn.human("Hi"), Turn.assistant("Yo"), Turn.human("Bye"))))
                .isEqualTo("\n\nHuman: Hi\n\nAssistant: Yo\n\nHuman: Bye\n\nAssistant:");
    }

    private static PreferencePair pair(Double label) {
        return new PreferencePair(
                7,
                PairTask.HARMLESSNESS,
                PairSource.AI_FEEDBACK,
                CONVERSATION,
                "Sure, here is how: ...",
                "I would rather not; \"taxes\" are\nhard <script>.",
                label,
                PairProvenance.aiFeedback(3, "label-5", 5, List.of("less-harmful"), 1, "tiny"),
                0,
                OffsetDateTime.now());
    }
}
