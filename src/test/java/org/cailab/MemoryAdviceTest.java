package org.cailab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryAdviceTest {

    @Test
    void theDefaultsOfSpringBootRunAndTheImageNeedNoAdvice() {
        assertThat(CailabApplication.memoryAdvice(1L << 30, Map.of("MALLOC_ARENA_MAX", "2")))
                .isEmpty();
    }

    @Test
    void anUnboundedHeapAndNoArenaLimitAreNamedWithWhatToSet() {
        assertThat(CailabApplication.memoryAdvice(6L << 30, Map.of()))
                .satisfiesExactly(
                        heap -> assertThat(heap).contains("6144 MiB").contains("-Xmx1g"),
                        arenas -> assertThat(arenas).contains("MALLOC_ARENA_MAX=2"));
    }
}
