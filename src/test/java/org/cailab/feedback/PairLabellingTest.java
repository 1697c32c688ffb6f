package org.cailab.feedback;

import org.cailab.constitution.Choice;
import org.cailab.constitution.Conversation;
import org.cailab.constitution.MultipleChoiceExample;
import org.cailab.constitution.RlPrinciple;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The labelling's combination of scores, on hand-made log-probabilities. */
class PairLabellingTest {

    private static final List<RlPrinciple> PRINCIPLES = List.of(new RlPrinciple("p1", "Which is less harmful?", true),
            new RlPrinciple("p2", "Which is kinder?", true), new RlPrinciple("p3", "Which is wiser?", true));
    private static final List<MultipleChoiceExample> FEW_SHOTS = List.of(
            new MultipleChoiceExample(Conversation.of("Can I eat glue?"), null, "Yes", "No", Choice.B),
            new MultipleChoiceExample(Conversation.of("Bake bread?"), null, "Mix and bake", "Go away", Choice.A));

    @Test
    void swapAveragingUndoesTheSwapAndCountsDisagreements() throws Exception {
        // unswapped: (A) -1, (B) -2 → P(A) = 1/(1+e^-1); swapped: (A) -0.5, (B) -3 → P(option A = pair's B)
        Map<Boolean, double[]> scores = Map.of(false, new double[]{-1, -2}, true, new double[]{-0.5, -3});
        AiLabel label = PairLabelling.label(Conversation.of("Hi"), "a", "b", PRINCIPLES, FEW_SHOTS,
                new LabellingOptions(1, true, false, true, 2), 42, scorer(scores));
        double unswapped = 1 / (1 + Math.exp(-1));
        double swapped = 1 - 1 / (1 + Math.exp(-2.5));
        assertThat(label.questions()).hasSize(2);
        assertThat(label.questions().get(0).probabilityA()).isCloseTo(unswapped, within(1e-12));
        assertThat(label.questions().get(1).probabilityA()).isCloseTo(swapped, within(1e-12));
        assertThat(label.label()).isCloseTo((unswapped + swapped) / 2, within(1e-12));
        assertThat(label.positionDisagreements()).isEqualTo(1);
        assertThat(label.questions().get(1).prompt()).contains("(A) [[[b]]]").contains("(B) [[[a]]]");
    }

    @Test
    void hardLabelsAndNoSwap() throws Exception {
        Map<Boolean, double[]> scores = Map.of(false, new double[]{-3, -1});
        AiLabel label = PairLabelling.label(Conversation.of("Hi"), "a", "b", PRINCIPLES, FEW_SHOTS,
                new LabellingOptions(3, false, true, true, 2), 42, scorer(scores));
        assertThat(label.questions()).hasSize(3).noneMatch(AiLabel.Question::swapped);
        assertThat(label.principles()).hasSize(3);
        assertThat(label.label()).isZero();
        assertThat(label.positionDisagreements()).isZero();
    }

    @Test
    void principlesAreDrawnWithTheSeedAndFewShotsMayFollowTheQuestion() throws Exception {
        Map<Boolean, double[]> scores = Map.of(false, new double[]{-1, -1}, true, new double[]{-1, -1});
        LabellingOptions independent = new LabellingOptions(4, true, false, true, 2);
        AiLabel once = PairLabelling.label(Conversation.of("Hi"), "a", "b", PRINCIPLES, FEW_SHOTS, independent, 7,
                scorer(scores));
        AiLabel again = PairLabelling.label(Conversation.of("Hi"), "a", "b", PRINCIPLES, FEW_SHOTS, independent, 7,
                scorer(scores));
        assertThat(again).isEqualTo(once);
        AiLabel underQuestion = PairLabelling.label(Conversation.of("Hi"), "a", "b", PRINCIPLES, FEW_SHOTS,
                new LabellingOptions(4, true, false, false, 2), 7, scorer(scores));
        assertThat(underQuestion.questions()).allSatisfy(q ->
                assertThat(q.fewShotPrinciples()).containsOnly(q.principle()));
        // over many seeds, an independently drawn few-shot principle differs from the question's about 2/3 of the time
        int differ = 0;
        int total = 0;
        for (long seed = 0; seed < 300; seed++) {
            AiLabel l = PairLabelling.label(Conversation.of("Hi"), "a", "b", PRINCIPLES, FEW_SHOTS,
                    new LabellingOptions(1, false, false, true, 2), seed, scorer(scores));
            for (String shot : l.questions().getFirst().fewShotPrinciples()) {
                total++;
                differ += shot.equals(l.questions().getFirst().principle()) ? 0 : 1;
            }
        }
        assertThat((double) differ / total).isBetween(0.58, 0.75);
    }

    /** Scores by whether the prompt's question is the swapped one (its options are b then a). */
    private static PairLabelling.Scorer scorer(Map<Boolean, double[]> scores) {
        return (prompts, continuations) -> {
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < prompts.size(); i++) {
                boolean swapped = prompts.get(i).endsWith("(A) [[[b]]]\n (B) [[[a]]]\n\nThe answer is:");
                double[] s = scores.get(swapped);
                out.add(continuations.get(i).equals(" (A)") ? s[0] : s[1]);
            }
            return out;
        };
    }
}
