package org.cailab.dashboard.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cailab.dashboard.LeaderboardEntry;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pieces shared by the dashboards' ECharts options: zoom, toolbox, tooltips through the escaping formatter of
 * {@code charts.js}, a colour per run, the text of a rating for tooltips, and rates as bars with interval whiskers.
 */
final class ChartOptions {

    /** ECharts' default palette, fixed here so that a run's line, band and whiskers share one colour. */
    static final List<String> PALETTE =
            List.of("#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de", "#3ba272", "#fc8452", "#9a60b4", "#ea7ccc");

    static final String FRONTIER_COLOR = "#d62728";
    static final String NO_RUN_COLOR = "#7f7f7f";

    private ChartOptions() {}

    static ObjectNode base(String title) {
        ObjectNode option = JsonNodeFactory.instance.objectNode();
        option.putObject("title")
                .put("text", title)
                .put("left", "center")
                .putObject("textStyle")
                .put("fontSize", 14);
        option.put("animationDuration", 300);
        option.putObject("tooltip").put("trigger", "item").put("confine", true).put("formatter", "@ratingPoint");
        option.putObject("grid").put("left", 70).put("right", 40).put("top", 60).put("bottom", 80);
        ObjectNode toolbox = option.putObject("toolbox");
        toolbox.put("right", 10);
        ObjectNode features = toolbox.putObject("feature");
        features.putObject("dataZoom").putObject("title").put("zoom", "Zoom").put("back", "Undo zoom");
        features.putObject("restore").put("title", "Reset");
        features.putObject("saveAsImage").put("title", "Save as image");
        return option;
    }

    /** Zoom with the mouse wheel and with sliders, on both axes; points outside stay for the lines through them. */
    static void zoomBothAxes(ObjectNode option) {
        ArrayNode zoom = option.putArray("dataZoom");
        zoom.addObject().put("type", "inside").put("xAxisIndex", 0).put("filterMode", "none");
        zoom.addObject().put("type", "inside").put("yAxisIndex", 0).put("filterMode", "none");
        zoom.addObject()
                .put("type", "slider")
                .put("xAxisIndex", 0)
                .put("filterMode", "none")
                .put("bottom", 10);
        zoom.addObject()
                .put("type", "slider")
                .put("yAxisIndex", 0)
                .put("filterMode", "none")
                .put("right", 5);
    }

    static ObjectNode valueAxis(String name) {
        return JsonNodeFactory.instance
                .objectNode()
                .put("type", "value")
                .put("name", name)
                .put("nameLocation", "middle")
                .put("nameGap", 35)
                .put("scale", true);
    }

    static String color(int index) {
        return PALETTE.get(Math.floorMod(index, PALETTE.size()));
    }

    /** "1032.4 (95%: 1001.2 to 1060.9), 12 votes, rank 1" */
    static String rating(LeaderboardEntry e) {
        return String.format(
                Locale.ROOT,
                "%.1f (95%%: %.1f to %.1f), %d votes, rank %d",
                e.rating(),
                e.lower(),
                e.upper(),
                e.votes(),
                e.rank());
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** "run 7, step 300", or what is known of it. */
    static List<String> provenance(Long runId, Long step) {
        List<String> lines = new ArrayList<>();
        if (runId != null || step != null) {
            lines.add((runId == null ? "no run" : "run " + runId) + (step == null ? "" : ", step " + step));
        }
        return lines;
    }

    /** One bar of {@link #rateBars}: a rate in [0, 1] with its 95% interval and the tooltip's lines. */
    record RateBar(String name, double rate, double lower, double upper, List<String> tooltip) {}

    /**
     * Rates on a 0-1 axis, a bar per category with its 95% interval as whiskers (drawn by {@code @errorBars} in
     * {@code charts.js}), the categories labelled on the x axis and slanted when there are more than five.
     */
    static ObjectNode rateBars(String title, String xAxisName, String yAxisName, String barName, List<RateBar> rates) {
        ObjectNode option = base(title);
        ObjectNode x = option.putObject("xAxis")
                .put("type", "category")
                .put("name", xAxisName)
                .put("nameLocation", "middle")
                .put("nameGap", 55);
        ArrayNode categories = x.putArray("data");
        rates.forEach(r -> categories.add(r.name()));
        x.putObject("axisLabel").put("interval", 0).put("rotate", rates.size() > 5 ? 30 : 0);
        option.set(
                "yAxis",
                valueAxis(yAxisName)
                        .put("min", 0)
                        .put("max", 1)
                        .put("scale", false)
                        .put("nameGap", 45));
        ArrayNode series = option.putArray("series");
        ObjectNode bars =
                series.addObject().put("type", "bar").put("name", barName).put("barMaxWidth", 48);
        bars.putObject("itemStyle").put("color", color(0));
        ArrayNode data = bars.putArray("data");
        ArrayNode whiskerData = whiskers(series, "95% interval", "#333");
        for (int i = 0; i < rates.size(); i++) {
            RateBar r = rates.get(i);
            ObjectNode item = data.addObject().put("name", r.name());
            item.putArray("value").add(i).add(r.rate());
            item.set("tooltip", lines(r.tooltip()));
            whiskerData
                    .addArray()
                    .add(i)
                    .add(r.rate())
                    .addNull()
                    .addNull()
                    .add(r.lower())
                    .add(r.upper());
        }
        return option;
    }

    /**
     * A series of vertical 95% whiskers (drawn by {@code @errorBars} in {@code charts.js}) beside the series of the
     * points they belong to; returns its data, to which {@link #whisker} adds one whisker per point.
     */
    static ArrayNode whiskers(ArrayNode series, String name, String color) {
        ObjectNode whiskers = series.addObject()
                .put("type", "custom")
                .put("name", name)
                .put("renderItem", "@errorBars")
                .put("silent", true)
                .put("z", 5);
        whiskers.putObject("itemStyle").put("color", color);
        whiskers.putObject("tooltip").put("show", false);
        whiskers.putObject("encode")
                .put("x", 0)
                .set("y", JsonNodeFactory.instance.arrayNode().add(1).add(4).add(5));
        return whiskers.putArray("data");
    }

    /** The whisker of the point ({@code x}, {@code y}), from {@code lower} to {@code upper}. */
    static void whisker(ArrayNode whiskers, int x, double y, double lower, double upper) {
        whiskers.addArray().add(x).add(y).addNull().addNull().add(lower).add(upper);
    }

    static ArrayNode lines(List<String> lines) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        lines.forEach(array::add);
        return array;
    }
}
