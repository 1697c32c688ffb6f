package org.cailab.constitution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cailab.constitution.ConstitutionDiff.ChangeType;
import org.cailab.constitution.ConstitutionDiff.FewShotChange;
import org.cailab.constitution.ConstitutionDiff.FewShotSection;
import org.cailab.constitution.ConstitutionDiff.FieldChange;
import org.cailab.constitution.ConstitutionDiff.PrincipleChange;
import org.cailab.dialogue.Conversation;
import org.junit.jupiter.api.Test;

class ConstitutionDiffTest {

    private static final SlPrinciple HARM = new SlPrinciple("harm", "Find harm.", "Remove harm.", true);
    private static final SlPrinciple TONE = new SlPrinciple("tone", "Judge the tone.", "Be kinder.", true);
    private static final RlPrinciple LESS = new RlPrinciple("less", "Which is less harmful?", true);
    private static final MultipleChoiceExample MC =
            new MultipleChoiceExample(Conversation.of("Hi"), null, "Hello", "Go away", Choice.A);

    @Test
    void identicalContentHasNoChanges() {
        ConstitutionContent content = content(List.of(HARM, TONE), List.of(LESS), List.of(MC));
        assertThat(ConstitutionDiff.between(content, content).isEmpty()).isTrue();
    }

    @Test
    void addedRemovedAndChangedPrinciplesByKeyWithFieldTexts() {
        SlPrinciple harmEdited = new SlPrinciple("harm", "Find every harm.", "Remove harm.", false);
        SlPrinciple honesty = new SlPrinciple("honesty", "Find lies.", "Tell the truth.", true);
        ConstitutionContent from = content(List.of(HARM, TONE), List.of(LESS), List.of());
        ConstitutionContent to = content(List.of(harmEdited, honesty), List.of(LESS), List.of());

        ConstitutionDiff diff = ConstitutionDiff.between(from, to);

        assertThat(diff.slChanges())
                .extracting(PrincipleChange::key, PrincipleChange::type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("tone", ChangeType.REMOVED),
                        org.assertj.core.groups.Tuple.tuple("harm", ChangeType.CHANGED),
                        org.assertj.core.groups.Tuple.tuple("honesty", ChangeType.ADDED));
        PrincipleChange harm = diff.slChanges().get(1);
        assertThat(harm.fields())
                .containsExactly(
                        new FieldChange("critiqueRequest", "Find harm.", "Find every harm."),
                        new FieldChange("enabled", "true", "false"));
        assertThat(harm.fields().getFirst().words())
                .containsExactly(
                        new WordDiff.Segment(WordDiff.Op.EQUAL, "Find "),
                        new WordDiff.Segment(WordDiff.Op.INSERT, "every "),
                        new WordDiff.Segment(WordDiff.Op.EQUAL, "harm."));
        assertThat(diff.slChanges().getFirst().fields())
                .first()
                .isEqualTo(new FieldChange("critiqueRequest", "Judge the tone.", null));
        assertThat(diff.slChanges().get(2).fields())
                .first()
                .isEqualTo(new FieldChange("critiqueRequest", null, "Find lies."));
        assertThat(diff.rlChanges()).isEmpty();
        assertThat(diff.slReordered()).isFalse();
    }

    @Test
    void reorderingAloneIsReported() {
        ConstitutionDiff diff = ConstitutionDiff.between(
                content(List.of(HARM, TONE), List.of(), List.of()), content(List.of(TONE, HARM), List.of(), List.of()));

        assertThat(diff.slChanges()).isEmpty();
        assertThat(diff.slReordered()).isTrue();
        assertThat(diff.isEmpty()).isFalse();
    }

    @Test
    void fewShotCountsAndEditsPerSection() {
        MultipleChoiceExample other = new MultipleChoiceExample(Conversation.of("Hey"), null, "Hi!", "No.", Choice.A);
        MultipleChoiceExample edited =
                new MultipleChoiceExample(Conversation.of("Hi"), null, "Hello there", "Go away", Choice.A);
        ConstitutionDiff added = ConstitutionDiff.between(
                content(List.of(), List.of(), List.of(MC)), content(List.of(), List.of(), List.of(MC, other)));
        ConstitutionDiff changed = ConstitutionDiff.between(
                content(List.of(), List.of(), List.of(MC, other)),
                content(List.of(), List.of(), List.of(edited, other)));
        ConstitutionDiff reordered = ConstitutionDiff.between(
                content(List.of(), List.of(), List.of(MC, other)), content(List.of(), List.of(), List.of(other, MC)));

        assertThat(added.fewShotChanges())
                .containsExactly(new FewShotChange(FewShotSection.MULTIPLE_CHOICE, 1, 2, 1, 0, false));
        assertThat(changed.fewShotChanges())
                .containsExactly(new FewShotChange(FewShotSection.MULTIPLE_CHOICE, 2, 2, 1, 1, false));
        assertThat(reordered.fewShotChanges())
                .containsExactly(new FewShotChange(FewShotSection.MULTIPLE_CHOICE, 2, 2, 0, 0, true));
    }

    @Test
    void theDefaultConstitutionAgainstAnEditOfIt() {
        ConstitutionContent original = new ConstitutionImporter()
                .importFile(java.nio.file.Path.of("constitution/default.yaml"))
                .content();
        List<RlPrinciple> rl = new ArrayList<>(original.rlPrinciples());
        RlPrinciple first = rl.removeFirst();
        ConstitutionContent edited = new ConstitutionContent(
                original.slPrinciples(),
                rl,
                original.critiqueExamples(),
                original.mcExamples(),
                original.cotExamples().subList(0, 1));

        ConstitutionDiff diff = ConstitutionDiff.between(original, edited);

        assertThat(diff.rlChanges()).extracting(PrincipleChange::key).containsExactly(first.key());
        assertThat(diff.fewShotChanges())
                .extracting(FewShotChange::section, FewShotChange::removed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        FewShotSection.CHAIN_OF_THOUGHT, original.cotExamples().size() - 1));
    }

    private static ConstitutionContent content(
            List<SlPrinciple> sl, List<RlPrinciple> rl, List<MultipleChoiceExample> mc) {
        return new ConstitutionContent(sl, rl, List.of(), mc, List.of());
    }
}
