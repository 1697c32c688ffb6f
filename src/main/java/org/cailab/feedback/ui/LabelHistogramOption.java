package org.cailab.feedback.ui;

import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The ECharts option of a labelling run's label distribution: one bar per tenth of [0, 1]. */
final class LabelHistogramOption {

    static final int BINS = 10;

    private LabelHistogramOption() {}

    static ObjectNode of(int[] counts) {
        ObjectNode option = JsonNodeFactory.instance.objectNode();
        option.putObject("title")
                .put("text", "Label distribution: P(A better)")
                .put("left", "center")
                .putObject("textStyle")
                .put("fontSize", 14);
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("grid").put("left", 50).put("right", 20).put("top", 50).put("bottom", 50);
        ObjectNode x = option.putObject("xAxis")
                .put("type", "category")
                .put("name", "label")
                .put("nameLocation", "middle")
                .put("nameGap", 30);
        ArrayNode categories = x.putArray("data");
        for (int i = 0; i < counts.length; i++) {
            categories.add(String.format(
                    Locale.ROOT, "%.1f–%.1f", (double) i / counts.length, (double) (i + 1) / counts.length));
        }
        option.putObject("yAxis").put("type", "value").put("name", "labels").put("minInterval", 1);
        ObjectNode bars =
                option.putArray("series").addObject().put("type", "bar").put("name", "labels");
        bars.putObject("itemStyle").put("color", "#5470c6");
        ArrayNode data = bars.putArray("data");
        for (int count : counts) {
            data.add(count);
        }
        return option;
    }
}
