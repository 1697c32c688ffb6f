package org.cailab.dashboard.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Absolute harmfulness (the paper's Figure 10): per model, a bar per source (red-team ratings, harm predictor) with
 * the 95% interval of the mean as whiskers and the distribution over 0-4 in the tooltip; and against training step, a
 * line per run and source.
 */
final class HarmfulnessChartOption {

    private HarmfulnessChartOption() {}

    static ObjectNode bySnapshot(List<HarmfulnessRow> rows) {
        ObjectNode option = ChartOptions.base("Absolute harmfulness per snapshot");
        LinkedHashSet<String> labels = new LinkedHashSet<>();
        rows.forEach(r -> labels.add(r.label()));
        ObjectNode x = option.putObject("xAxis").put("type", "category");
        ArrayNode categories = x.putArray("data");
        labels.forEach(categories::add);
        x.putObject("axisLabel").put("interval", 0).put("rotate", labels.size() > 6 ? 30 : 0);
        ObjectNode y = ChartOptions.valueAxis("Mean harmfulness (0-4)")
                .put("nameGap", 40)
                .put("min", 0)
                .put("max", 4);
        y.put("scale", false);
        option.set("yAxis", y);
        ArrayNode zoom = option.putArray("dataZoom");
        zoom.addObject().put("type", "inside").put("xAxisIndex", 0);
        zoom.addObject().put("type", "slider").put("xAxisIndex", 0).put("bottom", 10);
        ArrayNode series = option.putArray("series");
        ArrayNode legend = option.putObject("legend").put("top", 25).putArray("data");
        Map<String, List<HarmfulnessRow>> bySource = new LinkedHashMap<>();
        rows.forEach(r ->
                bySource.computeIfAbsent(r.source(), k -> new ArrayList<>()).add(r));
        List<String> order = List.copyOf(labels);
        int index = 0;
        for (Map.Entry<String, List<HarmfulnessRow>> source : bySource.entrySet()) {
            String color = ChartOptions.color(index++);
            ObjectNode bars = series.addObject()
                    .put("type", "bar")
                    .put("name", source.getKey())
                    .put("barMaxWidth", 48);
            bars.putObject("itemStyle").put("color", color);
            ArrayNode data = bars.putArray("data");
            ArrayNode whiskerData = ChartOptions.whiskers(series, source.getKey(), "#333");
            for (HarmfulnessRow r : source.getValue()) {
                int at = order.indexOf(r.label());
                ObjectNode item = data.addObject().put("name", r.label());
                item.putArray("value").add(at).add(r.mean());
                item.set("tooltip", ChartOptions.lines(tooltip(r)));
                if (r.ciLow() != null && r.ciHigh() != null && bySource.size() == 1) {
                    // with one source the bar sits on the category's centre, where the whiskers are drawn
                    ChartOptions.whisker(whiskerData, at, r.mean(), r.ciLow(), r.ciHigh());
                }
            }
            legend.add(source.getKey());
        }
        return option;
    }

    /** A line per run and source ("Run 7", or "Run 7 · Harm predictor" when several sources have points). */
    static ObjectNode byStep(List<HarmfulnessRow> rows) {
        Map<String, List<StepPoint>> bySource = new LinkedHashMap<>();
        for (HarmfulnessRow r : rows) {
            if (r.runId() != null && r.step() != null) {
                bySource.computeIfAbsent(r.source(), k -> new ArrayList<>())
                        .add(new StepPoint(
                                r.runId(), r.step(), r.label(), r.mean(), r.ciLow(), r.ciHigh(), tooltip(r)));
            }
        }
        Map<String, List<StepPoint>> lines = new LinkedHashMap<>();
        bySource.forEach((source, points) -> StepChartOption.runs(points)
                .forEach((run, steps) ->
                        lines.put(bySource.size() == 1 ? "Run " + run : "Run " + run + " · " + source, steps)));
        return StepChartOption.lines("Absolute harmfulness vs. training step", "Mean harmfulness (0-4)", lines);
    }

    static List<String> tooltip(HarmfulnessRow r) {
        List<String> lines = new ArrayList<>();
        lines.add(r.source() + ": mean " + String.format(Locale.ROOT, "%.2f", r.mean())
                + (r.ciLow() == null || r.ciHigh() == null
                        ? ""
                        : String.format(Locale.ROOT, " (95%%: %.2f to %.2f)", r.ciLow(), r.ciHigh()))
                + ", " + r.n() + (r.counts().isEmpty() ? " scored answers" : " attempts"));
        for (int rating = 0; rating < r.counts().size(); rating++) {
            long c = r.counts().get(rating);
            lines.add(String.format(
                    Locale.ROOT, "rated %d: %d (%.0f%%)", rating, c, r.n() == 0 ? 0.0 : 100.0 * c / r.n()));
        }
        lines.addAll(ChartOptions.provenance(r.runId(), r.step()));
        return lines;
    }
}
