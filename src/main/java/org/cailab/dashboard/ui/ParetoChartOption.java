package org.cailab.dashboard.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cailab.dashboard.Frontier;
import org.cailab.dashboard.FrontierPoint;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ECharts option of the harmlessness-versus-helpfulness plot (the paper's Figure 2): a point per snapshot with
 * whiskers for both 95% intervals, the snapshots of each run joined in training-step order, and the non-dominated
 * frontier drawn over them.
 */
final class ParetoChartOption {

    static final String SNAPSHOTS = "Snapshots";
    static final String INTERVALS = "95% intervals";
    static final String FRONTIER = "Pareto frontier";

    private ParetoChartOption() {}

    static String json(Frontier frontier) {
        return build(frontier, id -> null).toString();
    }

    /**
     * With {@code runNames} giving a run's name (null when unknown): a run's line is then "Run N · name", so the
     * snapshots of a constitution experiment's runs, whose names start with the constitution version, read apart.
     */
    static String json(Frontier frontier, java.util.function.LongFunction<String> runNames) {
        return build(frontier, runNames).toString();
    }

    static ObjectNode build(Frontier frontier) {
        return build(frontier, id -> null);
    }

    static ObjectNode build(Frontier frontier, java.util.function.LongFunction<String> runNames) {
        ObjectNode option = ChartOptions.base("Harmlessness vs. helpfulness");
        option.set("xAxis", ChartOptions.valueAxis("Helpfulness rating"));
        option.set("yAxis", ChartOptions.valueAxis("Harmlessness rating").put("nameGap", 50));
        ChartOptions.zoomBothAxes(option);
        ArrayNode series = option.putArray("series");
        List<String> legend = new ArrayList<>();

        ObjectNode points = series.addObject()
                .put("type", "scatter")
                .put("name", SNAPSHOTS)
                .put("symbolSize", 10)
                .put("z", 4);
        points.putObject("itemStyle").put("color", ChartOptions.NO_RUN_COLOR);
        points.putObject("label")
                .put("show", true)
                .put("position", "right")
                .put("formatter", "{b}")
                .put("fontSize", 11);
        ArrayNode pointData = points.putArray("data");
        frontier.points()
                .forEach(p -> pointData.add(item(
                        p, List.of(p.helpfulness().rating(), p.harmlessness().rating()), runColor(frontier, p))));
        legend.add(SNAPSHOTS);

        ObjectNode whiskers = series.addObject()
                .put("type", "custom")
                .put("name", INTERVALS)
                .put("renderItem", "@errorBars")
                .put("clip", true)
                .put("z", 3);
        whiskers.putObject("encode")
                .set("x", JsonNodeFactory.instance.arrayNode().add(0).add(2).add(3));
        ((ObjectNode) whiskers.get("encode"))
                .set("y", JsonNodeFactory.instance.arrayNode().add(1).add(4).add(5));
        whiskers.putObject("itemStyle").put("color", ChartOptions.NO_RUN_COLOR);
        ArrayNode whiskerData = whiskers.putArray("data");
        frontier.points()
                .forEach(p -> whiskerData.add(item(
                        p,
                        List.of(
                                p.helpfulness().rating(),
                                p.harmlessness().rating(),
                                p.helpfulness().lower(),
                                p.helpfulness().upper(),
                                p.harmlessness().lower(),
                                p.harmlessness().upper()),
                        runColor(frontier, p))));
        legend.add(INTERVALS);

        int run = 0;
        for (Map.Entry<Long, List<FrontierPoint>> e : frontier.runs().entrySet()) {
            String runName = runNames.apply(e.getKey());
            String name = "Run " + e.getKey() + (runName == null || runName.isBlank() ? "" : " · " + runName);
            ObjectNode line = series.addObject()
                    .put("type", "line")
                    .put("name", name)
                    .put("symbolSize", 6)
                    .put("z", 2);
            line.putObject("itemStyle").put("color", ChartOptions.color(run));
            line.putObject("lineStyle").put("width", 1.5);
            ArrayNode data = line.putArray("data");
            e.getValue()
                    .forEach(p -> data.add(item(
                            p,
                            List.of(p.helpfulness().rating(), p.harmlessness().rating()),
                            null)));
            legend.add(name);
            run++;
        }

        ObjectNode front = series.addObject()
                .put("type", "line")
                .put("name", FRONTIER)
                .put("symbol", "diamond")
                .put("symbolSize", 12)
                .put("z", 5);
        front.putObject("itemStyle").put("color", ChartOptions.FRONTIER_COLOR);
        front.putObject("lineStyle").put("width", 3).put("type", "dashed");
        ArrayNode frontData = front.putArray("data");
        frontier.frontier()
                .forEach(p -> frontData.add(item(
                        p, List.of(p.helpfulness().rating(), p.harmlessness().rating()), null)));
        legend.add(FRONTIER);

        ArrayNode legendData =
                option.putObject("legend").put("top", 25).put("type", "scroll").putArray("data");
        legend.forEach(legendData::add);
        return option;
    }

    private static ObjectNode item(FrontierPoint p, List<Double> values, String color) {
        ObjectNode item = JsonNodeFactory.instance.objectNode().put("name", p.snapshot());
        ArrayNode value = item.putArray("value");
        values.forEach(value::add);
        List<String> lines = new ArrayList<>();
        lines.add("Helpfulness: " + ChartOptions.rating(p.helpfulness()));
        lines.add("Harmlessness: " + ChartOptions.rating(p.harmlessness()));
        lines.addAll(ChartOptions.provenance(p.runId(), p.step()));
        if (p.onFrontier()) {
            lines.add("on the Pareto frontier");
        }
        item.set("tooltip", ChartOptions.lines(lines));
        if (color != null) {
            item.putObject("itemStyle").put("color", color);
        }
        return item;
    }

    /** A snapshot of a run takes the run's colour; one without a run stays grey. */
    private static String runColor(Frontier frontier, FrontierPoint p) {
        if (p.runId() == null) {
            return ChartOptions.NO_RUN_COLOR;
        }
        return ChartOptions.color(new ArrayList<>(frontier.runs().keySet()).indexOf(p.runId()));
    }
}
