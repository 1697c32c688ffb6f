package org.cailab.redteam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.cailab.crowdwork.PoolSnapshot;
import org.junit.jupiter.api.Test;

class SnapshotDrawerTest {

    @Test
    void drawsInProportionToWeight() {
        List<PoolSnapshot> pool = List.of(new PoolSnapshot(1, "a", 1), new PoolSnapshot(2, "b", 3));
        SplittableRandom random = new SplittableRandom(7);
        int b = 0;
        int draws = 20_000;
        for (int i = 0; i < draws; i++) {
            if (SnapshotDrawer.draw(pool, random).snapshotId() == 2) {
                b++;
            }
        }
        assertThat((double) b / draws).isCloseTo(0.75, within(0.02));
    }

    @Test
    void aSingleSnapshotIsAlwaysDrawn() {
        assertThat(SnapshotDrawer.draw(List.of(new PoolSnapshot(5, "only", 1)), new SplittableRandom(1))
                        .snapshotId())
                .isEqualTo(5);
    }
}
