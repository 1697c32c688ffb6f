package org.cailab.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PromptSelectionTest {

    private static final List<Integer> PROMPTS = IntStream.range(0, 100).boxed().toList();

    @Test
    void firstNTakesThePrefixAndAllTakesEverything() {
        assertThat(new PromptSelection(PromptSelection.Mode.FIRST, 20).apply(PROMPTS, 1))
                .isEqualTo(PROMPTS.subList(0, 20));
        assertThat(PromptSelection.ALL.apply(PROMPTS, 1)).isEqualTo(PROMPTS);
        assertThat(new PromptSelection(PromptSelection.Mode.SAMPLE, 500).apply(PROMPTS, 1))
                .isEqualTo(PROMPTS);
    }

    @Test
    void aSampleIsDistinctInOriginalOrderAndRepeatsWithTheSeed() {
        PromptSelection sample = new PromptSelection(PromptSelection.Mode.SAMPLE, 20);
        List<Integer> a = sample.apply(PROMPTS, 42);
        assertThat(a).hasSize(20).doesNotHaveDuplicates().isSorted();
        assertThat(sample.apply(PROMPTS, 42)).isEqualTo(a);
        assertThat(sample.apply(PROMPTS, 43)).isNotEqualTo(a);
    }

    @Test
    void everyPromptIsAboutEquallyLikelyToBeSampled() {
        // 2,000 samples of 10 out of 100: each prompt is expected 200 times; a chi-square over 100 cells with 99
        // degrees of freedom stays below 148 (p = 0.001) for a uniform draw
        int[] counts = new int[100];
        PromptSelection sample = new PromptSelection(PromptSelection.Mode.SAMPLE, 10);
        for (long seed = 0; seed < 2000; seed++) {
            sample.apply(PROMPTS, seed).forEach(i -> counts[i]++);
        }
        double chiSquare = 0;
        for (int count : counts) {
            chiSquare += (count - 200.0) * (count - 200.0) / 200.0;
        }
        assertThat(chiSquare).isLessThan(148);
    }

    @Test
    void theSelectionRoundTripsThroughTheConfigurationAndBadValuesAreNamed() {
        RunConfig config = new PromptSelection(PromptSelection.Mode.SAMPLE, 20).writeTo(RunConfig.of("x", "run"));
        assertThat(PromptSelection.of(config)).isEqualTo(new PromptSelection(PromptSelection.Mode.SAMPLE, 20));
        assertThat(PromptSelection.of(RunConfig.of("x", "run"))).isEqualTo(PromptSelection.ALL);
        assertThatThrownBy(
                        () -> PromptSelection.of(RunConfig.of("x", "run").withParameter(PromptSelection.MODE, "some")))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("all, first or sample");
        assertThatThrownBy(() -> PromptSelection.of(RunConfig.of("x", "run")
                        .withParameter(PromptSelection.MODE, "first")
                        .withParameter(PromptSelection.COUNT, "ten")))
                .hasMessageContaining("\"ten\"");
        assertThatThrownBy(() -> new PromptSelection(PromptSelection.Mode.FIRST, 0))
                .hasMessageContaining("at least 1");
        assertThat(new HashSet<>(new PromptSelection(PromptSelection.Mode.SAMPLE, 99).apply(PROMPTS, 7)))
                .hasSize(99);
    }
}
