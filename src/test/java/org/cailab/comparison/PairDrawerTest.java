package org.cailab.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cailab.crowdwork.PoolSnapshot;
import org.junit.jupiter.api.Test;

class PairDrawerTest {

    private static final int DRAWS = 60_000;

    private static List<PoolSnapshot> pool(double... weights) {
        return java.util.stream.IntStream.range(0, weights.length)
                .mapToObj(i -> new PoolSnapshot(i + 1, "m" + (i + 1), weights[i]))
                .toList();
    }

    private static Map<String, Integer> pairCounts(List<PoolSnapshot> pool, PairDrawing drawing, int[] aSide) {
        SplittableRandom random = new SplittableRandom(42);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < DRAWS; i++) {
            PairDrawer.Pair pair = PairDrawer.draw(pool, drawing, random);
            assertThat(pair.a().snapshotId()).isNotEqualTo(pair.b().snapshotId());
            long lo = Math.min(pair.a().snapshotId(), pair.b().snapshotId());
            long hi = Math.max(pair.a().snapshotId(), pair.b().snapshotId());
            counts.merge(lo + "-" + hi, 1, Integer::sum);
            if (pair.a().snapshotId() == lo) {
                aSide[0]++;
            }
        }
        return counts;
    }

    @Test
    void uniformDrawingGivesEveryPairTheSameShare() {
        int[] lowerOnA = new int[1];
        Map<String, Integer> counts = pairCounts(pool(1, 1, 1, 1), PairDrawing.UNIFORM, lowerOnA);
        assertThat(counts).hasSize(6);
        counts.values().forEach(n -> assertThat(n / (double) DRAWS).isCloseTo(1 / 6.0, within(0.01)));
        assertThat(lowerOnA[0] / (double) DRAWS).as("sides are random").isCloseTo(0.5, within(0.01));
    }

    @Test
    void uniformDrawingIgnoresWeights() {
        Map<String, Integer> counts = pairCounts(pool(50, 1, 1), PairDrawing.UNIFORM, new int[1]);
        counts.values().forEach(n -> assertThat(n / (double) DRAWS).isCloseTo(1 / 3.0, within(0.01)));
    }

    @Test
    void weightedDrawingFavoursHeavySnapshotsByProductOfWeights() {
        int[] lowerOnA = new int[1];
        Map<String, Integer> counts = pairCounts(pool(3, 1, 1), PairDrawing.WEIGHTED, lowerOnA);
        // pair weights: {1,2}=3, {1,3}=3, {2,3}=1 of 7
        assertThat(counts.get("1-2") / (double) DRAWS).isCloseTo(3 / 7.0, within(0.01));
        assertThat(counts.get("1-3") / (double) DRAWS).isCloseTo(3 / 7.0, within(0.01));
        assertThat(counts.get("2-3") / (double) DRAWS).isCloseTo(1 / 7.0, within(0.01));
        assertThat(lowerOnA[0] / (double) DRAWS).isCloseTo(0.5, within(0.01));
    }

    @Test
    void weightedWithEqualWeightsIsUniform() {
        Map<String, Integer> counts = pairCounts(pool(2, 2, 2, 2), PairDrawing.WEIGHTED, new int[1]);
        assertThat(counts).hasSize(6);
        counts.values().forEach(n -> assertThat(n / (double) DRAWS).isCloseTo(1 / 6.0, within(0.01)));
    }

    @Test
    void twoSnapshotsAlwaysGiveThatPair() {
        Map<String, Integer> counts = pairCounts(pool(1, 9), PairDrawing.WEIGHTED, new int[1]);
        assertThat(counts).containsOnlyKeys("1-2");
    }

    @Test
    void aPoolNeedsTwoSnapshots() {
        assertThatThrownBy(() -> PairDrawer.draw(pool(1), PairDrawing.UNIFORM, new SplittableRandom(1)))
                .isInstanceOf(ComparisonException.class)
                .hasMessageContaining("at least two");
    }
}
