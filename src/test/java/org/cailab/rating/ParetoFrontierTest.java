package org.cailab.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParetoFrontierTest {

    private static ParetoPoint p(String name, double x, double y) {
        return new ParetoPoint(name, x, y);
    }

    private static List<String> names(List<ParetoPoint> points) {
        return points.stream().map(ParetoPoint::name).toList();
    }

    @Test
    void dropsDominatedPointsAndOrdersByX() {
        List<ParetoPoint> points = List.of(
                p("helpful", 9, 1),
                p("harmless", 1, 9),
                p("balanced", 5, 5),
                p("worse", 4, 4),
                p("bad", 0, 0),
                p("edge", 5, 2));
        assertThat(names(ParetoFrontier.of(points))).containsExactly("harmless", "balanced", "helpful");
    }

    @Test
    void singlePointAndEmptySet() {
        assertThat(names(ParetoFrontier.of(List.of(p("only", -3, 2))))).containsExactly("only");
        assertThat(ParetoFrontier.of(List.of())).isEmpty();
    }

    @Test
    void exactDuplicatesAllStay() {
        List<ParetoPoint> points = List.of(p("b", 2, 2), p("a", 2, 2), p("c", 1, 1), p("d", 0, 3));
        assertThat(names(ParetoFrontier.of(points))).containsExactly("d", "a", "b");
    }

    @Test
    void tiesOnXKeepOnlyTheHighestY() {
        List<ParetoPoint> points = List.of(p("low", 3, 1), p("high", 3, 4), p("left", 1, 4), p("left-up", 1, 5));
        // left (1,4) is dominated by high (3,4): equal y, larger x.
        assertThat(names(ParetoFrontier.of(points))).containsExactly("left-up", "high");
    }

    @Test
    void tiesOnYKeepOnlyTheLargestX() {
        List<ParetoPoint> points = List.of(p("a", 1, 2), p("b", 2, 2), p("c", 0, 3));
        assertThat(names(ParetoFrontier.of(points))).containsExactly("c", "b");
    }

    @Test
    void negativeZeroEqualsZero() {
        List<ParetoPoint> points = List.of(p("neg", -0.0, 1), p("pos", 0.0, 2));
        assertThat(names(ParetoFrontier.of(points))).containsExactly("pos");
    }

    @Test
    void agreesWithTheDefinitionOnRandomGrids() {
        SplittableRandom rng = new SplittableRandom(6);
        for (int trial = 0; trial < 200; trial++) {
            List<ParetoPoint> points = new ArrayList<>();
            for (int i = 0; i < 1 + rng.nextInt(12); i++) {
                points.add(p("p" + i, rng.nextInt(4), rng.nextInt(4)));
            }
            List<String> expected = points.stream()
                    .filter(q -> points.stream().noneMatch(o -> o.dominates(q)))
                    .sorted(java.util.Comparator.comparingDouble(ParetoPoint::x).thenComparing(ParetoPoint::name))
                    .map(ParetoPoint::name)
                    .toList();
            assertThat(names(ParetoFrontier.of(points))).as(points.toString()).isEqualTo(expected);
        }
    }

    @Test
    void rejectsNonFiniteCoordinates() {
        assertThatThrownBy(() -> p("nan", Double.NaN, 1)).hasMessageContaining("nan");
    }
}
