package org.cailab.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cailab.evaluation.Calibration;
import org.cailab.evaluation.EvaluationResult;
import org.cailab.evaluation.ItemResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EvaluationChartOptionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Items with the given top probabilities, the first {@code right} of them answered correctly. */
    private static EvaluationResult result(long run, String set, String snapshot, int right, double... tops) {
        List<ItemResult> items = new ArrayList<>();
        for (int i = 0; i < tops.length; i++) {
            items.add(new ItemResult(
                    i,
                    Map.of(" (A)", tops[i], " (B)", 1 - tops[i]),
                    Map.of(),
                    i < right,
                    tops[i],
                    List.of(),
                    List.of()));
        }
        return EvaluationResult.of(run, "run " + run, set, snapshot, true, OffsetDateTime.now(), Calibration.of(items));
    }

    private final List<EvaluationResult> results = List.of(
            result(3, "hhh", "rl-cai", 3, 0.95, 0.92, 0.55, 0.51), result(2, "hhh", "base", 1, 0.55, 0.52, 0.58, 0.6));

    @Test
    void aBarPerSnapshotWithItsWilsonInterval() {
        JsonNode option =
                JSON.readTree(EvaluationChartOption.accuracy("hhh", results).toString());
        assertThat(option.get("xAxis").get("data").toString()).isEqualTo("[\"rl-cai\",\"base\"]");
        JsonNode bars = option.get("series").get(0);
        assertThat(bars.get("data").get(0).get("value").toString()).isEqualTo("[0,0.75]");
        assertThat(bars.get("data").get(1).get("value").toString()).isEqualTo("[1,0.25]");
        assertThat(bars.get("data").get(0).get("tooltip").toString())
                .contains("accuracy 75.0%")
                .contains("n = 4");
        JsonNode whisker = option.get("series").get(1).get("data").get(0);
        // Wilson 95% for 3 of 4, computed by hand: centre (0.75 + z²/8) / (1 + z²/4), half-width z/(1+z²/4) sqrt(...)
        double z = 1.959963984540054;
        double centre = (0.75 + z * z / 8) / (1 + z * z / 4);
        double half = z / (1 + z * z / 4) * Math.sqrt(0.75 * 0.25 / 4 + z * z / 64);
        assertThat(whisker.get(4).asDouble()).isCloseTo(centre - half, within(1e-12));
        assertThat(whisker.get(5).asDouble()).isCloseTo(centre + half, within(1e-12));
        assertThat(option.get("yAxis").get("max").asInt()).isEqualTo(1);
    }

    @Test
    void theReliabilityDiagramHasTheDiagonalAndAPointPerNonEmptyBin() {
        JsonNode option =
                JSON.readTree(EvaluationChartOption.reliability("hhh", results).toString());
        JsonNode series = option.get("series");
        assertThat(series).hasSize(3);
        assertThat(series.get(0).get("data").toString()).isEqualTo("[[0,0],[1,1]]");
        JsonNode rl = series.get(1);
        assertThat(rl.get("name").asString()).isEqualTo("rl-cai");
        // bins [0.5, 0.6): 0.55 right, 0.51 wrong; [0.9, 1]: 0.95 and 0.92, both right
        assertThat(rl.get("data")).hasSize(2);
        JsonNode low = rl.get("data").get(0).get("value");
        assertThat(low.get(0).asDouble()).isCloseTo(0.53, within(1e-12));
        assertThat(low.get(1).asDouble()).isCloseTo(0.5, within(1e-12));
        JsonNode high = rl.get("data").get(1).get("value");
        assertThat(high.get(0).asDouble()).isCloseTo(0.935, within(1e-12));
        assertThat(high.get(1).asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(rl.get("data").get(1).get("tooltip").toString()).contains("2 items");
        assertThat(series.get(2).get("data")).as("base: bins 0.5 and 0.6").hasSize(2);
    }

    @Test
    void theNewestRunOfEachSnapshotOnTheChosenSet() {
        List<EvaluationResult> all = List.of(
                result(9, "hhh", "base", 1, 0.9, 0.8),
                result(8, "other", "base", 1, 0.9),
                results.get(0),
                results.get(1));
        assertThat(EvaluationPanel.newestPerSnapshot(all, "hhh"))
                .extracting(EvaluationResult::runId)
                .containsExactly(9L, 3L);
    }
}
