package org.cailab.dashboard.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cailab.dashboard.Leaderboard;
import org.cailab.dashboard.LeaderboardEntry;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values against training step: a line per run through its snapshots in step order, with the interval as a shaded
 * band (drawn piece by piece between consecutive steps, in the run's colour). Used for a task's rating (the paper's
 * Figure 8) and for absolute harmfulness (Figure 10).
 */
final class StepChartOption {

    private StepChartOption() {}

    static String json(Leaderboard board) {
        return build(board).toString();
    }

    /** A task's rating against step; snapshots without a run and step are left out. */
    static ObjectNode build(Leaderboard board) {
        List<StepPoint> points = new ArrayList<>();
        for (LeaderboardEntry e : board.entries()) {
            if (e.runId() != null && e.step() != null) {
                List<String> tooltip = new ArrayList<>();
                tooltip.add(board.task().label() + ": " + ChartOptions.rating(e));
                tooltip.addAll(ChartOptions.provenance(e.runId(), e.step()));
                points.add(new StepPoint(e.runId(), e.step(), e.snapshot(), e.rating(), e.lower(), e.upper(), tooltip));
            }
        }
        return lines(
                board.task().label() + " rating vs. training step", board.task().label() + " rating", points);
    }

    /** The points of each run in step order, runs by id. */
    static Map<Long, List<StepPoint>> runs(List<StepPoint> points) {
        Map<Long, List<StepPoint>> runs = new TreeMap<>();
        points.stream()
                .sorted(Comparator.comparingLong(StepPoint::step).thenComparing(StepPoint::name))
                .forEach(p ->
                        runs.computeIfAbsent(p.runId(), k -> new ArrayList<>()).add(p));
        return runs;
    }

    static ObjectNode lines(String title, String yAxisName, List<StepPoint> points) {
        Map<String, List<StepPoint>> series = new java.util.LinkedHashMap<>();
        runs(points).forEach((run, steps) -> series.put("Run " + run, steps));
        return lines(title, yAxisName, series);
    }

    /** A line per named series (each a run's points in step order), for charts with several sources per run. */
    static ObjectNode lines(String title, String yAxisName, Map<String, List<StepPoint>> lines) {
        ObjectNode option = ChartOptions.base(title);
        option.set("xAxis", ChartOptions.valueAxis("Training step"));
        option.set("yAxis", ChartOptions.valueAxis(yAxisName).put("nameGap", 50));
        ChartOptions.zoomBothAxes(option);
        ArrayNode series = option.putArray("series");
        ArrayNode legend =
                option.putObject("legend").put("top", 25).put("type", "scroll").putArray("data");
        int index = 0;
        for (Map.Entry<String, List<StepPoint>> run : lines.entrySet()) {
            String name = run.getKey();
            String color = ChartOptions.color(index++);
            List<StepPoint> steps = run.getValue();
            ObjectNode line = series.addObject()
                    .put("type", "line")
                    .put("name", name)
                    .put("symbolSize", 7)
                    .put("z", 3);
            line.putObject("itemStyle").put("color", color);
            ArrayNode data = line.putArray("data");
            for (StepPoint p : steps) {
                ObjectNode item = data.addObject().put("name", p.name());
                item.putArray("value").add(p.step()).add(p.value());
                item.set("tooltip", ChartOptions.lines(p.tooltip()));
            }
            ObjectNode band = series.addObject()
                    .put("type", "custom")
                    .put("name", name)
                    .put("renderItem", "@band")
                    .put("clip", true)
                    .put("silent", true)
                    .put("z", 1);
            band.putObject("itemStyle").put("color", color);
            band.putObject("tooltip").put("show", false);
            band.putObject("encode")
                    .set("x", JsonNodeFactory.instance.arrayNode().add(0).add(3));
            ((ObjectNode) band.get("encode"))
                    .set(
                            "y",
                            JsonNodeFactory.instance
                                    .arrayNode()
                                    .add(1)
                                    .add(2)
                                    .add(4)
                                    .add(5));
            ArrayNode pieces = band.putArray("data");
            for (int i = 0; i + 1 < steps.size(); i++) {
                StepPoint a = steps.get(i);
                StepPoint b = steps.get(i + 1);
                pieces.addArray()
                        .add(a.step())
                        .add(a.lowerOrValue())
                        .add(a.upperOrValue())
                        .add(b.step())
                        .add(b.lowerOrValue())
                        .add(b.upperOrValue());
            }
            legend.add(name);
        }
        return option;
    }
}
