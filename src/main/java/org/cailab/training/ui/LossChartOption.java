package org.cailab.training.ui;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.cailab.training.TrainingPoint;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** ECharts options of a training run: loss against step (training and held-out), and a PM's held-out accuracy. */
final class LossChartOption {

    private LossChartOption() {}

    static String loss(List<TrainingPoint> train, List<TrainingPoint> heldOut) {
        ObjectNode option = base("Loss", "Loss");
        ArrayNode series = option.putArray("series");
        line(series, "Training loss", "#5470c6", train, TrainingPoint::loss, false);
        line(series, "Held-out loss", "#ee6666", heldOut, TrainingPoint::loss, true);
        return option.toString();
    }

    static String accuracy(List<TrainingPoint> heldOut) {
        ObjectNode option = base("Held-out accuracy (pairs with a preference)", "Accuracy");
        ((ObjectNode) option.get("yAxis")).put("min", 0).put("max", 1).put("scale", false);
        line(
                option.putArray("series"),
                "Held-out accuracy",
                "#3ba272",
                heldOut.stream().filter(p -> p.accuracy() != null).toList(),
                p -> p.accuracy(),
                true);
        return option.toString();
    }

    /** A harm predictor's held-out Spearman rank correlation of predicted against rated harm (its loss is the MSE). */
    static String rankCorrelation(List<TrainingPoint> heldOut) {
        ObjectNode option = base("Held-out Spearman rank correlation (predicted vs. rated harm)", "Spearman");
        ((ObjectNode) option.get("yAxis")).put("min", -1).put("max", 1).put("scale", false);
        line(
                option.putArray("series"),
                "Held-out Spearman",
                "#3ba272",
                heldOut.stream().filter(p -> p.rankCorrelation() != null).toList(),
                p -> p.rankCorrelation(),
                true);
        return option.toString();
    }

    private static ObjectNode base(String title, String yName) {
        ObjectNode option = JsonNodeFactory.instance.objectNode();
        option.putObject("title")
                .put("text", title)
                .put("left", "center")
                .putObject("textStyle")
                .put("fontSize", 14);
        option.put("animation", false);
        option.putObject("tooltip").put("trigger", "axis").put("confine", true);
        option.putObject("legend").put("top", 25);
        option.putObject("grid").put("left", 70).put("right", 40).put("top", 60).put("bottom", 70);
        option.putObject("xAxis")
                .put("type", "value")
                .put("name", "Training step")
                .put("nameLocation", "middle")
                .put("nameGap", 30)
                .put("min", 0);
        option.putObject("yAxis")
                .put("type", "value")
                .put("name", yName)
                .put("nameLocation", "middle")
                .put("nameGap", 50)
                .put("scale", true);
        ArrayNode zoom = option.putArray("dataZoom");
        zoom.addObject().put("type", "inside").put("xAxisIndex", 0).put("filterMode", "none");
        zoom.addObject()
                .put("type", "slider")
                .put("xAxisIndex", 0)
                .put("filterMode", "none")
                .put("bottom", 10);
        option.putObject("toolbox")
                .put("right", 10)
                .putObject("feature")
                .putObject("saveAsImage")
                .put("title", "Save as image");
        return option;
    }

    private static void line(
            ArrayNode series,
            String name,
            String color,
            List<TrainingPoint> points,
            ToDoubleFunction<TrainingPoint> value,
            boolean symbols) {
        ObjectNode line = series.addObject()
                .put("type", "line")
                .put("name", name)
                .put("showSymbol", symbols)
                .put("symbolSize", 6);
        line.putObject("itemStyle").put("color", color);
        ArrayNode data = line.putArray("data");
        for (TrainingPoint p : points) {
            data.addArray().add(p.step()).add(value.applyAsDouble(p));
        }
    }
}
