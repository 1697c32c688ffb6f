package org.cailab.dashboard.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cailab.dashboard.LeaderboardEntry;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pieces shared by the dashboards' ECharts options: zoom, toolbox, tooltips through the escaping formatter of
 * {@code charts.js}, a colour per run, and the text of a rating for tooltips.
 */
final class ChartOptions {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** ECharts' default palette, fixed here so that a run's line, band and whiskers share one colour. */
    static final List<String> PALETTE =
            List.of("#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de", "#3ba272", "#fc8452", "#9a60b4", "#ea7ccc");

    static final String FRONTIER_COLOR = "#d62728";
    static final String NO_RUN_COLOR = "#7f7f7f";

    private ChartOptions() {}

    static ObjectNode base(String title) {
        ObjectNode option = MAPPER.createObjectNode();
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
        return MAPPER.createObjectNode()
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

    static ArrayNode lines(List<String> lines) {
        ArrayNode array = MAPPER.createArrayNode();
        lines.forEach(array::add);
        return array;
    }
}
