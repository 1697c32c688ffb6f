package org.cailab.dashboard.ui;

import java.util.List;
import java.util.Locale;
import org.cailab.feedback.Agreement;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chart 7: human vs AI agreement, one bar per group (principle or feedback snapshot) with its 95% Wilson interval as
 * whiskers; the tooltip gives the counts.
 */
final class AgreementChartOption {

    private AgreementChartOption() {}

    static ObjectNode of(String title, String axis, List<Agreement> groups) {
        ObjectNode option = ChartOptions.base(title);
        ObjectNode x = option.putObject("xAxis")
                .put("type", "category")
                .put("name", axis)
                .put("nameLocation", "middle")
                .put("nameGap", 55);
        ArrayNode categories = x.putArray("data");
        groups.forEach(g -> categories.add(g.group()));
        x.putObject("axisLabel").put("interval", 0).put("rotate", groups.size() > 5 ? 30 : 0);
        option.set(
                "yAxis",
                ChartOptions.valueAxis("Agreement with crowdworkers")
                        .put("min", 0)
                        .put("max", 1)
                        .put("scale", false)
                        .put("nameGap", 45));
        ArrayNode series = option.putArray("series");
        ObjectNode bars =
                series.addObject().put("type", "bar").put("name", "agreement").put("barMaxWidth", 48);
        bars.putObject("itemStyle").put("color", ChartOptions.color(0));
        ArrayNode data = bars.putArray("data");
        ObjectNode whiskers = series.addObject()
                .put("type", "custom")
                .put("name", "95% interval")
                .put("renderItem", "@errorBars")
                .put("silent", true)
                .put("z", 5);
        whiskers.putObject("itemStyle").put("color", "#333");
        whiskers.putObject("tooltip").put("show", false);
        whiskers.putObject("encode")
                .put("x", 0)
                .set("y", ChartOptions.MAPPER.createArrayNode().add(1).add(4).add(5));
        ArrayNode whiskerData = whiskers.putArray("data");
        for (int i = 0; i < groups.size(); i++) {
            Agreement g = groups.get(i);
            ObjectNode item = data.addObject().put("name", g.group());
            item.putArray("value").add(i).add(g.rate());
            item.set(
                    "tooltip",
                    ChartOptions.lines(List.of(
                            String.format(
                                    Locale.ROOT,
                                    "agreement %.1f%% (95%%: %.1f%% to %.1f%%)",
                                    100 * g.rate(),
                                    100 * g.lower(),
                                    100 * g.upper()),
                            g.agreed() + " of " + g.n() + " comparisons agree")));
            whiskerData
                    .addArray()
                    .add(i)
                    .add(g.rate())
                    .addNull()
                    .addNull()
                    .add(g.lower())
                    .add(g.upper());
        }
        return option;
    }
}
