package org.cailab.rl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The prompts of a step are a function of the step: exact mixing ratio, every prompt used, same on every call. */
class PromptMixTest {

    static final List<String> RED =
            IntStream.range(0, 7).mapToObj(i -> "red " + i).toList();
    static final List<String> HELP =
            IntStream.range(0, 5).mapToObj(i -> "help " + i).toList();

    @Test
    void everyPrefixHasTheRequestedShareOfHelpfulnessPrompts() {
        PromptMix mix = new PromptMix(RED, HELP, 0.25, 3);
        List<String> all = new ArrayList<>();
        for (int step = 0; step < 10; step++) {
            all.addAll(mix.step(step, 4));
            long helpful = all.stream().filter(p -> p.startsWith("help")).count();
            assertThat(helpful).isEqualTo((long) Math.floor(all.size() * 0.25));
        }
        assertThat(all.stream().filter(p -> p.startsWith("red")).distinct()).hasSize(7);
        assertThat(all.stream().filter(p -> p.startsWith("help")).distinct()).hasSize(5);
    }

    @Test
    void aStepsPromptsDependOnlyOnTheSeedAndTheStep() {
        PromptMix a = new PromptMix(RED, HELP, 0.5, 11);
        PromptMix b = new PromptMix(RED, HELP, 0.5, 11);
        b.step(0, 4);
        assertThat(a.step(5, 4)).isEqualTo(b.step(5, 4));
        assertThat(new PromptMix(RED, HELP, 0.5, 12).step(0, 12)).isNotEqualTo(a.step(0, 12));
    }

    @Test
    void withoutHelpfulnessPromptsOnlyRedTeamPromptsAreUsed() {
        assertThat(new PromptMix(RED, List.of(), 0.5, 1).step(0, 10)).allMatch(p -> p.startsWith("red"));
    }
}
