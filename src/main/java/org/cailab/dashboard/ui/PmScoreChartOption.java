package org.cailab.dashboard.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cailab.training.PmRoundScore;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chart 5 (the paper's Figure 5): the mean preference-model score of the responses after each revision round of an
 * SL-CAI run (round 0: the initial responses), a line through the means with their 95% Student t intervals as
 * whiskers.
 */
final class PmScoreChartOption {

    private PmScoreChartOption() {}

    static ObjectNode of(String title, List<PmRoundScore> rounds) {
        ObjectNode option = ChartOptions.base(title);
        option.set(
                "xAxis",
                ChartOptions.valueAxis("Revision round (0 = initial response)")
                        .put("min", 0)
                        .put("minInterval", 1)
                        .put("scale", false)
                        .put(
                                "max",
                                rounds.isEmpty()
                                        ? 1
                                        : Math.max(1, rounds.getLast().round())));
        option.set("yAxis", ChartOptions.valueAxis("Mean PM score").put("nameGap", 50));
        ArrayNode series = option.putArray("series");
        ObjectNode line = series.addObject()
                .put("type", "line")
                .put("name", "mean PM score")
                .put("symbolSize", 8);
        line.putObject("itemStyle").put("color", ChartOptions.color(0));
        ArrayNode data = line.putArray("data");
        ArrayNode whiskerData = ChartOptions.whiskers(series, "95% interval", ChartOptions.color(0));
        for (PmRoundScore r : rounds) {
            ObjectNode item = data.addObject().put("name", r.round() == 0 ? "initial responses" : "round " + r.round());
            item.putArray("value").add(r.round()).add(r.mean());
            item.set("tooltip", ChartOptions.lines(tooltip(r)));
            if (r.lower() != null && r.upper() != null) {
                ChartOptions.whisker(whiskerData, r.round(), r.mean(), r.lower(), r.upper());
            }
        }
        return option;
    }

    private static List<String> tooltip(PmRoundScore r) {
        List<String> lines = new ArrayList<>();
        lines.add(
                r.lower() == null
                        ? String.format(Locale.ROOT, "mean %.3f (too few chains for an interval)", r.mean())
                        : String.format(Locale.ROOT, "mean %.3f (95%%: %.3f to %.3f)", r.mean(), r.lower(), r.upper()));
        lines.add(String.format(Locale.ROOT, "n = %d chains, sd %.3f", r.n(), r.sd()));
        if (r.truncated() > 0) {
            lines.add(r.truncated() + " responses stopped at the token limit");
        }
        return lines;
    }
}
