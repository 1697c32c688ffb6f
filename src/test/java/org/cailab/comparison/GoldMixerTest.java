package org.cailab.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GoldMixerTest {

    private static final List<Long> ITEMS = List.of(10L, 11L, 12L);

    @Test
    void goldChecksAppearAtTheConfiguredRate() {
        SplittableRandom random = new SplittableRandom(7);
        int draws = 20_000;
        int gold = 0;
        for (int i = 0; i < draws; i++) {
            if (GoldMixer.pick(0.2, ITEMS, Set.of(), random).isPresent()) {
                gold++;
            }
        }
        assertThat(gold / (double) draws).isCloseTo(0.2, within(0.01));
    }

    @Test
    void rateZeroNeverAndRateOneAlways() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1000; i++) {
            assertThat(GoldMixer.pick(0, ITEMS, Set.of(), random)).isEmpty();
            assertThat(GoldMixer.pick(1, ITEMS, Set.of(), random)).isPresent();
        }
    }

    @Test
    void aWorkerNeverGetsTheSameGoldItemTwice() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1000; i++) {
            assertThat(GoldMixer.pick(1, ITEMS, Set.of(10L, 12L), random)).contains(11L);
        }
        assertThat(GoldMixer.pick(1, ITEMS, Set.of(10L, 11L, 12L), random)).isEmpty();
    }

    @Test
    void noGoldItemsNoGoldChecks() {
        assertThat(GoldMixer.pick(1, List.of(), Set.of(), new SplittableRandom(1)))
                .isEqualTo(Optional.empty());
    }

    @Test
    void unansweredItemsAreDrawnEvenly() {
        SplittableRandom random = new SplittableRandom(3);
        int[] counts = new int[3];
        for (int i = 0; i < 30_000; i++) {
            counts[(int) (GoldMixer.pick(1, ITEMS, Set.of(), random).orElseThrow() - 10)]++;
        }
        for (int count : counts) {
            assertThat(count / 30_000.0).isCloseTo(1 / 3.0, within(0.015));
        }
    }
}
