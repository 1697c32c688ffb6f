package org.cailab.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cailab.comparison.ComparisonTask.HARMLESSNESS;
import static org.cailab.comparison.ComparisonTask.HELPFULNESS;
import static org.cailab.dashboard.Boards.board;
import static org.cailab.dashboard.Boards.entry;

import java.util.ArrayList;
import java.util.List;
import org.cailab.dashboard.Frontier;
import org.cailab.dashboard.Leaderboard;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ParetoChartOptionTest {

    private final Leaderboard help = board(
            HELPFULNESS,
            entry("rl-300", 1100, 7L, 300L),
            entry("rl-100", 1000, 7L, 100L),
            entry("<b>base</b>", 900, null, null));
    private final Leaderboard harm = board(
            HARMLESSNESS,
            entry("rl-100", 1000, 7L, 100L),
            entry("rl-300", 1150, 7L, 300L),
            entry("<b>base</b>", 1200, null, null));
    private final JsonNode option =
            JsonMapper.builder().build().readTree(ParetoChartOption.json(Frontier.of(help, harm)));

    @Test
    void aPointPerSnapshotWithItsNameAndExactNumbersInTheTooltip() {
        JsonNode points = series(ParetoChartOption.SNAPSHOTS);
        assertThat(points.get("type").asString()).isEqualTo("scatter");
        assertThat(names(points)).containsExactly("<b>base</b>", "rl-100", "rl-300");
        JsonNode rl300 = points.get("data").get(2);
        assertThat(rl300.get("value").get(0).asDouble()).isEqualTo(1100);
        assertThat(rl300.get("value").get(1).asDouble()).isEqualTo(1150);
        assertThat(rl300.get("tooltip").get(0).asString())
                .isEqualTo("Helpfulness: 1100.0 (95%: 1090.0 to 1110.0), 7 votes, rank 1");
        assertThat(rl300.get("tooltip").get(1).asString()).startsWith("Harmlessness: 1150.0 (95%: 1140.0 to 1160.0)");
        assertThat(rl300.get("tooltip").toString()).contains("run 7, step 300").contains("on the Pareto frontier");
        assertThat(option.get("tooltip").get("formatter").asString())
                .as("escaping formatter")
                .isEqualTo("@ratingPoint");
    }

    @Test
    void whiskersCarryBothIntervals() {
        JsonNode whiskers = series(ParetoChartOption.INTERVALS);
        assertThat(whiskers.get("type").asString()).isEqualTo("custom");
        assertThat(whiskers.get("renderItem").asString()).isEqualTo("@errorBars");
        JsonNode base = whiskers.get("data").get(0);
        assertThat(base.get("name").asString()).isEqualTo("<b>base</b>");
        assertThat(values(base.get("value"))).containsExactly(900.0, 1200.0, 890.0, 910.0, 1190.0, 1210.0);
        assertThat(whiskers.get("encode").get("x").toString()).isEqualTo("[0,2,3]");
        assertThat(whiskers.get("encode").get("y").toString()).isEqualTo("[1,4,5]");
    }

    @Test
    void aRunIsALineInStepOrderAndTheFrontierIsHighlighted() {
        JsonNode run = series("Run 7");
        assertThat(run.get("type").asString()).isEqualTo("line");
        assertThat(names(run)).containsExactly("rl-100", "rl-300");
        JsonNode frontier = series(ParetoChartOption.FRONTIER);
        assertThat(names(frontier)).containsExactly("<b>base</b>", "rl-300");
        assertThat(frontier.get("lineStyle").get("width").asInt())
                .isGreaterThan(run.get("lineStyle").get("width").asInt());
        assertThat(option.get("legend").get("data").toString()).contains("Run 7", ParetoChartOption.FRONTIER);
        assertThat(option.get("dataZoom")).hasSize(4);
    }

    @Test
    void aRunsLineCarriesItsNameSoConstitutionExperimentsReadApart() {
        JsonNode named = JsonMapper.builder()
                .build()
                .readTree(ParetoChartOption.json(
                        Frontier.of(help, harm), id -> id == 7 ? "default v2 · Exp 1 · RL-CAI" : null));
        List<String> series = new ArrayList<>();
        named.get("series").forEach(s -> series.add(s.get("name").asString()));
        assertThat(series).contains("Run 7 · default v2 · Exp 1 · RL-CAI").doesNotContain("Run 7");
        assertThat(named.get("legend").get("data").toString()).contains("Run 7 · default v2 · Exp 1 · RL-CAI");
    }

    private JsonNode series(String name) {
        for (JsonNode s : option.get("series")) {
            if (s.get("name").asString().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no series " + name);
    }

    private static List<String> names(JsonNode series) {
        List<String> names = new ArrayList<>();
        series.get("data").forEach(d -> names.add(d.get("name").asString()));
        return names;
    }

    private static List<Double> values(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asDouble()));
        return values;
    }
}
