package org.cailab.dashboard.ui;

import org.cailab.dashboard.Leaderboard;
import org.cailab.dashboard.LeaderboardEntry;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ECharts option of a task's rating against training step (the paper's Figure 8): a line per run through its
 * snapshots in step order, with the 95% interval as a shaded band. Snapshots without a run and step are left out.
 */
final class StepChartOption {

    private StepChartOption() {
    }

    /** The runs' snapshots that have a step, by run id, in step order. */
    static Map<Long, List<LeaderboardEntry>> runs(Leaderboard board) {
        Map<Long, List<LeaderboardEntry>> runs = new TreeMap<>();
        board.entries().stream()
                .filter(e -> e.runId() != null && e.step() != null)
                .sorted(Comparator.comparing(LeaderboardEntry::step).thenComparing(LeaderboardEntry::snapshot))
                .forEach(e -> runs.computeIfAbsent(e.runId(), k -> new ArrayList<>()).add(e));
        return runs;
    }

    static String json(Leaderboard board) {
        return build(board).toString();
    }

    static ObjectNode build(Leaderboard board) {
        ObjectNode option = ChartOptions.base(board.task().label() + " rating vs. training step");
        option.set("xAxis", ChartOptions.valueAxis("Training step"));
        option.set("yAxis", ChartOptions.valueAxis(board.task().label() + " rating").put("nameGap", 50));
        ChartOptions.zoomBothAxes(option);
        ArrayNode series = option.putArray("series");
        ArrayNode legend = option.putObject("legend").put("top", 25).put("type", "scroll").putArray("data");
        int index = 0;
        for (Map.Entry<Long, List<LeaderboardEntry>> run : runs(board).entrySet()) {
            String name = "Run " + run.getKey();
            String color = ChartOptions.color(index++);
            List<LeaderboardEntry> entries = run.getValue();
            ObjectNode line = series.addObject().put("type", "line").put("name", name).put("symbolSize", 7)
                    .put("z", 3);
            line.putObject("itemStyle").put("color", color);
            ArrayNode data = line.putArray("data");
            for (LeaderboardEntry e : entries) {
                ObjectNode item = data.addObject().put("name", e.snapshot());
                item.putArray("value").add(e.step()).add(e.rating());
                List<String> lines = new ArrayList<>();
                lines.add(board.task().label() + ": " + ChartOptions.rating(e));
                lines.addAll(ChartOptions.provenance(e.runId(), e.step()));
                item.set("tooltip", ChartOptions.lines(lines));
            }
            // the band is drawn piece by piece between consecutive steps, in the run's colour, under the line
            ObjectNode band = series.addObject().put("type", "custom").put("name", name)
                    .put("renderItem", "@band").put("clip", true).put("silent", true).put("z", 1);
            band.putObject("itemStyle").put("color", color);
            band.putObject("tooltip").put("show", false);
            band.putObject("encode").set("x", ChartOptions.MAPPER.createArrayNode().add(0).add(3));
            ((ObjectNode) band.get("encode")).set("y", ChartOptions.MAPPER.createArrayNode().add(1).add(2).add(4).add(5));
            ArrayNode pieces = band.putArray("data");
            for (int i = 0; i + 1 < entries.size(); i++) {
                LeaderboardEntry a = entries.get(i);
                LeaderboardEntry b = entries.get(i + 1);
                pieces.addArray().add(a.step()).add(a.lower()).add(a.upper()).add(b.step()).add(b.lower()).add(b.upper());
            }
            legend.add(name);
        }
        return option;
    }
}
