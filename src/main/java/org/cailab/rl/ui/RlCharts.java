package org.cailab.rl.ui;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.cailab.rl.RlStepStats;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** ECharts options of the RL page: metrics against the prompts trained on, one line per metric. */
final class RlCharts {

    record Series(String name, ToDoubleFunction<RlStepStats> value, int axis) {}

    private RlCharts() {}

    /** Lines on a left (axis 0) and a right (axis 1) value axis. */
    static String lines(String title, String leftAxis, String rightAxis, List<RlStepStats> steps, List<Series> series) {
        ObjectNode option = JsonNodeFactory.instance.objectNode();
        option.putObject("title")
                .put("text", title)
                .put("left", "center")
                .putObject("textStyle")
                .put("fontSize", 14);
        option.put("animationDuration", 300);
        option.putObject("tooltip").put("trigger", "axis").put("confine", true);
        option.putObject("legend").put("bottom", 0);
        option.putObject("grid").put("left", 70).put("right", 70).put("top", 50).put("bottom", 70);
        option.putObject("xAxis")
                .put("type", "value")
                .put("name", "prompts trained on")
                .put("nameLocation", "middle")
                .put("nameGap", 28)
                .put("scale", true);
        ArrayNode axes = option.putArray("yAxis");
        axes.addObject().put("type", "value").put("name", leftAxis).put("scale", true);
        axes.addObject().put("type", "value").put("name", rightAxis).put("scale", true);
        option.putArray("dataZoom").addObject().put("type", "inside").put("xAxisIndex", 0);
        ArrayNode all = option.putArray("series");
        for (Series s : series) {
            ObjectNode line = all.addObject()
                    .put("type", "line")
                    .put("name", s.name())
                    .put("yAxisIndex", s.axis())
                    .put("showSymbol", steps.size() < 60);
            ArrayNode data = line.putArray("data");
            for (RlStepStats step : steps) {
                data.addArray().add(step.promptsSeen()).add(round(s.value().applyAsDouble(step)));
            }
        }
        return option.toString();
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1e4) / 1e4 : 0;
    }
}
