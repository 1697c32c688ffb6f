package org.cailab.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.cailab.constitution.FewShotPrinciples;
import org.junit.jupiter.api.Test;

class FeedbackOptionsTest {

    @Test
    void defaultsFollowThePaper() {
        FeedbackOptions d = FeedbackOptions.fromParameters(Map.of());
        assertThat(d).isEqualTo(FeedbackOptions.defaults());
        assertThat(d.swap()).isTrue();
        assertThat(d.ensemble()).isEqualTo(1);
        assertThat(d.hardLabels()).isFalse();
        assertThat(d.chainOfThought()).isFalse();
        assertThat(d.clampLow()).isEqualTo(0.4);
        assertThat(d.clampHigh()).isEqualTo(0.6);
        assertThat(d.fewShotPrinciples()).isEqualTo(FewShotPrinciples.INDEPENDENT);
        assertThat(d.fewShotExamples()).isNull();
        assertThat(FeedbackOptions.FORM)
                .extracting(p -> p.key())
                .containsExactlyElementsOf(d.toParameters().keySet());
    }

    @Test
    void parametersRoundTrip() {
        FeedbackOptions options = FeedbackOptions.defaults()
                .withEnsemble(4)
                .withSwap(false)
                .withHardLabels(true)
                .withChainOfThought(3, 0.3, 0.7)
                .withFewShots(FewShotPrinciples.QUESTION, 2)
                .withReasoning(0.7, 99);
        Map<String, String> parameters = options.toParameters();
        assertThat(parameters)
                .containsEntry("ensemble", "4")
                .containsEntry("swapOrder", "false")
                .containsEntry("fewShotPrinciples", "question")
                .containsEntry("fewShotExamples", "2");
        assertThat(FeedbackOptions.fromParameters(parameters)).isEqualTo(options);
        // other stages' keys in the same map are ignored
        assertThat(FeedbackOptions.fromParameters(Map.of("rounds", "4", "chainOfThought", "yes"))
                        .chainOfThought())
                .isTrue();
    }

    @Test
    void badValuesSayWhichSettingAndWhy() {
        assertThatThrownBy(() -> FeedbackOptions.fromParameters(Map.of("ensemble", "two")))
                .hasMessage("Principles per pair must be a whole number, not \"two\".");
        assertThatThrownBy(() -> FeedbackOptions.fromParameters(Map.of("ensemble", "0")))
                .hasMessageContaining("Principles per pair must be between 1 and");
        assertThatThrownBy(() -> FeedbackOptions.fromParameters(Map.of("swapOrder", "maybe")))
                .hasMessage("Swap A and B must be true or false, not \"maybe\".");
        assertThatThrownBy(() -> FeedbackOptions.fromParameters(Map.of("clampLow", "0.6", "clampHigh", "0.7")))
                .hasMessageContaining("must contain 0.5");
        assertThatThrownBy(() -> FeedbackOptions.fromParameters(Map.of("clampHigh", "NaN")))
                .hasMessage("Clamp high must be a number, not \"NaN\".");
        assertThatThrownBy(() -> FeedbackOptions.fromParameters(Map.of("fewShotPrinciples", "all")))
                .hasMessageContaining("\"independent\" or \"question\"");
        assertThatThrownBy(() -> FeedbackOptions.fromParameters(Map.of("fewShotExamples", "-1")))
                .hasMessageContaining("Few-shot examples must be 0 or more");
        assertThatThrownBy(() -> FeedbackOptions.fromParameters(Map.of("reasoningSamples", "17")))
                .hasMessageContaining("Reasonings per question must be between 1 and 16");
    }
}
