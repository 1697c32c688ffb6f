package org.cailab.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelMathTest {

    @Test
    void twoWaySoftmaxOfHandMadeLogProbabilities() {
        assertThat(LabelMath.probabilityOfA(Math.log(0.3), Math.log(0.1))).isCloseTo(0.75, within(1e-12));
        assertThat(LabelMath.probabilityOfA(-2, -2)).isEqualTo(0.5);
        // far below float range: still a probability, not NaN
        assertThat(LabelMath.probabilityOfA(-2000, -2001)).isCloseTo(1 / (1 + Math.exp(-1)), within(1e-12));
        assertThat(LabelMath.probabilityOfA(-2001, -2000)).isCloseTo(1 / (1 + Math.exp(1)), within(1e-12));
    }

    @Test
    void swappedQuestionsCountForTheOtherOptionAndBothOrdersAreAveraged() {
        // original order: (A) = response A with p 0.8; swapped: (A) = response B with p 0.4, so A is better with 0.6
        List<FeedbackQuestion> questions = List.of(question(false, 0.8), question(true, 0.4));
        FeedbackLabel label =
                FeedbackLabeler.combine(answered(questions, FeedbackOptions.defaults()), FeedbackOptions.defaults());

        assertThat(label.originalOrder()).isCloseTo(0.8, within(1e-12));
        assertThat(label.swappedOrder()).isCloseTo(0.6, within(1e-12));
        assertThat(label.probability()).isCloseTo(0.7, within(1e-12));
        assertThat(label.label()).isCloseTo(0.7, within(1e-12));
        assertThat(label.ordersDisagree()).isFalse();
    }

    @Test
    void ordersThatPreferDifferentResponsesAreFlagged() {
        // both orders pick whatever is shown as (A): position bias, the responses themselves do not matter
        FeedbackLabel label = FeedbackLabeler.combine(
                answered(List.of(question(false, 0.9), question(true, 0.7)), FeedbackOptions.defaults()),
                FeedbackOptions.defaults());

        assertThat(label.originalOrder()).isCloseTo(0.9, within(1e-12));
        assertThat(label.swappedOrder()).isCloseTo(0.3, within(1e-12));
        assertThat(label.probability()).isCloseTo(0.6, within(1e-12));
        assertThat(label.ordersDisagree()).isTrue();
    }

    @Test
    void withoutSwappingThereIsOneOrderAndNoDisagreement() {
        FeedbackOptions options = FeedbackOptions.defaults().withSwap(false);
        FeedbackLabel label = FeedbackLabeler.combine(answered(List.of(question(false, 0.2)), options), options);

        assertThat(label.swappedOrder()).isNull();
        assertThat(label.ordersDisagree()).isFalse();
        assertThat(label.label()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void chainOfThoughtClampsEachAnswerBeforeAveraging() {
        FeedbackOptions options = FeedbackOptions.defaults().withChainOfThought(2, 0.4, 0.6);
        // original: 0.95 -> 0.6, 0.55 stays; swapped (A)=B: 0.02 -> A better 0.98 -> 0.6, 0.7 -> 0.3 -> 0.4
        List<FeedbackQuestion> questions = answered(
                List.of(question(false, 0.95), question(false, 0.55), question(true, 0.02), question(true, 0.7)),
                options);

        assertThat(questions).extracting(FeedbackQuestion::used).containsExactly(0.6, 0.55, 0.6, 0.4);
        FeedbackLabel label = FeedbackLabeler.combine(questions, options);
        assertThat(label.originalOrder()).isCloseTo(0.575, within(1e-12));
        assertThat(label.swappedOrder()).isCloseTo(0.5, within(1e-12));
        assertThat(label.probability()).isCloseTo((0.6 + 0.55 + 0.6 + 0.4) / 4, within(1e-12));
        assertThat(label.ordersDisagree()).isFalse(); // exactly 1/2 sides with neither
        assertThat(LabelMath.clamp(0.1, 0.3, 0.8)).isEqualTo(0.3);
        assertThat(LabelMath.clamp(0.9, 0.3, 0.8)).isEqualTo(0.8);
    }

    @Test
    void hardLabelsKeepOnlyTheSide() {
        FeedbackOptions hard = FeedbackOptions.defaults().withHardLabels(true);
        assertThat(FeedbackLabeler.combine(answered(List.of(question(false, 0.8), question(true, 0.45)), hard), hard)
                        .label())
                .isEqualTo(1.0);
        assertThat(FeedbackLabeler.combine(answered(List.of(question(false, 0.3), question(true, 0.6)), hard), hard)
                        .label())
                .isEqualTo(0.0);
        assertThat(FeedbackLabeler.combine(answered(List.of(question(false, 0.6), question(true, 0.6)), hard), hard)
                        .label())
                .isEqualTo(0.5);
        assertThat(FeedbackLabeler.combine(answered(List.of(question(false, 0.6), question(true, 0.6)), hard), hard)
                        .probability())
                .isCloseTo(0.5, within(1e-12));
    }

    /** A question whose shown option (A) had probability {@code pA}, from log-probabilities that give exactly that. */
    private static FeedbackQuestion question(boolean swapped, double pA) {
        return new FeedbackQuestion(
                0,
                "p",
                List.of(),
                swapped,
                0,
                "prompt",
                null,
                null,
                null,
                Math.log(pA),
                Math.log(1 - pA),
                Double.NaN,
                Double.NaN,
                Double.NaN);
    }

    /** The questions as the labeler answers them: probabilities from the log-probabilities, clamped with CoT. */
    private static List<FeedbackQuestion> answered(List<FeedbackQuestion> raw, FeedbackOptions options) {
        List<FeedbackQuestion> out = new ArrayList<>();
        for (FeedbackQuestion q : raw) {
            double pA = LabelMath.probabilityOfA(q.logProbA(), q.logProbB());
            double first = LabelMath.firstIsBetter(pA, q.swapped());
            double used =
                    options.chainOfThought() ? LabelMath.clamp(first, options.clampLow(), options.clampHigh()) : first;
            // round away the last bits so hand-made expectations compare exactly
            used = Math.round(used * 1e12) / 1e12;
            out.add(new FeedbackQuestion(
                    q.member(),
                    q.principleKey(),
                    q.fewShotPrincipleKeys(),
                    q.swapped(),
                    q.sample(),
                    q.prompt(),
                    null,
                    null,
                    null,
                    q.logProbA(),
                    q.logProbB(),
                    pA,
                    first,
                    used));
        }
        return out;
    }
}
