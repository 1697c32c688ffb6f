package org.cailab.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cailab.comparison.ComparisonTask.HELPFULNESS;
import static org.cailab.dashboard.Boards.board;
import static org.cailab.dashboard.Boards.entry;

import org.cailab.dashboard.Leaderboard;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StepChartOptionTest {

    @Test
    void aLinePerRunInStepOrderWithABandPieceBetweenConsecutiveSteps() {
        Leaderboard board = board(
                HELPFULNESS,
                entry("b-200", 1100, 2L, 200L),
                entry("a-50", 1010, 1L, 50L),
                entry("b-0", 950, 2L, 0L),
                entry("b-100", 1000, 2L, 100L),
                entry("by-hand", 990, null, null));
        JsonNode option = JsonMapper.builder().build().readTree(StepChartOption.json(board));
        JsonNode series = option.get("series");
        assertThat(series).hasSize(4);
        JsonNode run2 = series.get(2);
        assertThat(run2.get("name").asString()).isEqualTo("Run 2");
        assertThat(run2.get("data")).hasSize(3);
        assertThat(run2.get("data").get(0).get("name").asString()).isEqualTo("b-0");
        assertThat(run2.get("data").get(2).get("value").toString()).isEqualTo("[200,1100.0]");
        assertThat(run2.get("data").get(1).get("tooltip").toString())
                .contains("Helpfulness: 1000.0 (95%: 990.0 to 1010.0)");
        JsonNode band = series.get(3);
        assertThat(band.get("renderItem").asString()).isEqualTo("@band");
        assertThat(band.get("itemStyle").get("color"))
                .isEqualTo(run2.get("itemStyle").get("color"));
        assertThat(band.get("data")).hasSize(2);
        assertThat(band.get("data").get(0).toString()).isEqualTo("[0,940.0,960.0,100,990.0,1010.0]");
        assertThat(series.get(1).get("data"))
                .as("a run with one snapshot has no band")
                .isEmpty();
        assertThat(option.get("xAxis").get("name").asString()).isEqualTo("Training step");
    }
}
