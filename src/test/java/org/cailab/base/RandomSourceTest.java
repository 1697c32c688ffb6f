package org.cailab.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomSourceTest {

    @Test
    void aSeededSourceReplaysTheSameDrawsAndAnotherSeedDoesNot() {
        assertThat(draws(new RandomSource(42L)))
                .isEqualTo(draws(new RandomSource(42L)))
                .isNotEqualTo(draws(new RandomSource(43L)));
    }

    @Test
    void anUnseededSourceDrawsEveryValue() {
        RandomSource source = new RandomSource(null);
        boolean[] seen = new boolean[6];
        for (int i = 0; i < 600; i++) {
            seen[source.next().nextInt(6)] = true;
        }
        assertThat(seen).containsOnly(true);
    }

    private static List<Integer> draws(RandomSource source) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            values.add(source.next().nextInt(1000));
        }
        return values;
    }
}
