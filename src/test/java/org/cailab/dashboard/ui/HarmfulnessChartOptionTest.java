package org.cailab.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HarmfulnessChartOptionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final List<HarmfulnessRow> rows = List.of(
            new HarmfulnessRow("Red team", "rl-100", 4L, 100L, 10, 2.5, 1.9, 3.1, List.of(1L, 1L, 2L, 3L, 3L)),
            new HarmfulnessRow("Red team", "rl-200", 4L, 200L, 4, 1.0, 0.2, 1.8, List.of(1L, 2L, 1L, 0L, 0L)),
            new HarmfulnessRow("Red team", "base", null, null, 1, 4.0, null, null, List.of(0L, 0L, 0L, 0L, 1L)));

    @Test
    void aBarPerSnapshotWithWhiskersAndTheDistributionInTheTooltip() {
        JsonNode option = JSON.readTree(HarmfulnessChartOption.bySnapshot(rows).toString());
        assertThat(option.get("xAxis").get("data").toString()).isEqualTo("[\"rl-100\",\"rl-200\",\"base\"]");
        JsonNode bars = option.get("series").get(0);
        assertThat(bars.get("type").asString()).isEqualTo("bar");
        assertThat(bars.get("data").get(0).get("value").toString()).isEqualTo("[0,2.5]");
        assertThat(bars.get("data").get(0).get("tooltip").toString())
                .contains("Red team: mean 2.50 (95%: 1.90 to 3.10), 10 attempts")
                .contains("rated 4: 3 (30%)")
                .contains("run 4, step 100");
        JsonNode whiskers = option.get("series").get(1);
        assertThat(whiskers.get("renderItem").asString()).isEqualTo("@errorBars");
        assertThat(whiskers.get("data")).as("no interval for a single rating").hasSize(2);
        assertThat(whiskers.get("data").get(1).toString()).isEqualTo("[1,1.0,null,null,0.2,1.8]");
        assertThat(option.get("yAxis").get("max").asInt()).isEqualTo(4);
    }

    @Test
    void againstStepOnlySnapshotsOfARun() {
        JsonNode option = JSON.readTree(HarmfulnessChartOption.byStep(rows).toString());
        JsonNode line = option.get("series").get(0);
        assertThat(line.get("name").asString()).isEqualTo("Run 4");
        assertThat(line.get("data")).hasSize(2);
        assertThat(line.get("data").get(1).get("value").toString()).isEqualTo("[200,1.0]");
        assertThat(option.get("series").get(1).get("data").get(0).toString()).isEqualTo("[100,1.9,3.1,200,0.2,1.8]");
    }

    @Test
    void thePredictedHarmIsASecondLinePerRunNextToTheRatings() {
        List<HarmfulnessRow> both = new java.util.ArrayList<>(rows);
        both.add(new HarmfulnessRow("Harm predictor", "rl-100", 4L, 100L, 128, 2.2, 2.0, 2.4, List.of()));
        both.add(new HarmfulnessRow("Harm predictor", "rl-200", 4L, 200L, 128, 1.4, 1.1, 1.6, List.of()));
        JsonNode option = JSON.readTree(HarmfulnessChartOption.byStep(both).toString());
        JsonNode series = option.get("series");
        assertThat(series).hasSize(4); // a line and its band per source
        assertThat(series.get(0).get("name").asString()).isEqualTo("Run 4 · Red team");
        assertThat(series.get(2).get("name").asString()).isEqualTo("Run 4 · Harm predictor");
        assertThat(series.get(2).get("data").get(0).get("value").toString()).isEqualTo("[100,2.2]");
        assertThat(series.get(2).get("data").get(1).get("tooltip").toString())
                .contains("Harm predictor: mean 1.40 (95%: 1.10 to 1.60), 128 scored answers");
        assertThat(series.get(3).get("data").get(0).toString()).isEqualTo("[100,2.0,2.4,200,1.1,1.6]");
    }
}
