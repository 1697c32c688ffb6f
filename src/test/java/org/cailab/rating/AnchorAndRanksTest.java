package org.cailab.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnchorAndRanksTest {

    private static final List<String> MODELS = List.of("a", "b", "c");

    @Test
    void anchoredModelSitsAtZero() {
        double[] r = Anchor.toModel("b").apply(new double[] {1100, 1050, 900}, MODELS);
        assertThat(r).containsExactly(50, 0, -150);
        assertThat(Anchor.toModel("b").modelName()).isEqualTo("b");
        assertThatThrownBy(() -> Anchor.toModel("zz").apply(new double[] {1, 2, 3}, MODELS))
                .hasMessageContaining("zz");
    }

    @Test
    void meanCentredAddsTheOffset() {
        assertThat(new Anchor.MeanCentred(0).apply(new double[] {10, 20, 60}, MODELS))
                .containsExactly(-20, -10, 30);
        assertThat(Anchor.arena().apply(new double[] {10, 20, 60}, MODELS)).containsExactly(980, 990, 1030);
        assertThat(Anchor.arena().modelName()).isNull();
    }

    @Test
    void anchoringAReportMakesEverythingRelativeToTheAnchor() {
        PairCounts counts = new PairCounts.Builder(MODELS)
                .pair(0, 1, 60, 40, 0)
                .pair(1, 2, 70, 30, 0)
                .pair(0, 2, 80, 20, 0)
                .build();
        BootstrapSettings boot = new BootstrapSettings(50, 0.95, 8);
        RatingReport free = Ratings.bradleyTerry(counts, BradleyTerrySettings.defaults(), boot, Anchor.arena());
        RatingReport anchored =
                Ratings.bradleyTerry(counts, BradleyTerrySettings.defaults(), boot, Anchor.toModel("c"));
        assertThat(anchored.anchor()).isEqualTo("c");
        assertThat(anchored.rating("c").rating()).isZero();
        assertThat(anchored.rating("c").lower()).isZero();
        assertThat(anchored.rating("c").upper()).isZero();
        assertThat(anchored.rating("a").rating())
                .isCloseTo(free.rating("a").rating() - free.rating("c").rating(), within(1e-9));
        double meanOfFree = free.ratings().stream()
                .mapToDouble(ModelRating::rating)
                .average()
                .orElseThrow();
        assertThat(meanOfFree).isCloseTo(1000, within(1e-9));
    }

    @Test
    void ranksOnlySeparateModelsWithoutOverlap() {
        // a [10, 20], b [12, 18], c [5, 11], d [-5, 4], e [-5, 4]
        double[] lower = {10, 12, 5, -5, -5};
        double[] upper = {20, 18, 11, 4, 4};
        assertThat(Ranks.withOverlap(lower, upper)).containsExactly(1, 1, 2, 4, 4);
    }

    @Test
    void reportIsSortedByRatingWithRanks() {
        List<ModelRating> table = RatingReport.table(
                List.of("x", "y", "z"),
                new double[] {5, 30, 30},
                new double[] {0, 20, 25},
                new double[] {10, 40, 35},
                new long[] {3, 4, 5});
        assertThat(table).extracting(ModelRating::model).containsExactly("y", "z", "x");
        assertThat(table).extracting(ModelRating::rank).containsExactly(1, 1, 3);
        assertThat(table.getFirst()).isEqualTo(new ModelRating("y", 30, 20, 40, 4, 1));
    }
}
