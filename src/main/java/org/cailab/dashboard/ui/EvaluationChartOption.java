package org.cailab.dashboard.ui;

import java.util.List;
import java.util.Locale;
import org.cailab.evaluation.CalibrationBin;
import org.cailab.evaluation.EvaluationResult;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chart 6: multiple-choice evaluations of snapshots on one evaluation set. {@link #accuracy} draws a bar per snapshot
 * with its 95% Wilson interval as whiskers and the chance level of the set as a dashed line; {@link #reliability}
 * draws the reliability diagram, accuracy against mean confidence per non-empty bin, a line per snapshot, with the
 * diagonal of perfect calibration.
 */
final class EvaluationChartOption {

    private EvaluationChartOption() {}

    static ObjectNode accuracy(String set, List<EvaluationResult> results) {
        return ChartOptions.rateBars(
                "Accuracy on " + set,
                "snapshot",
                "Accuracy",
                "accuracy",
                results.stream()
                        .map(r -> new ChartOptions.RateBar(
                                r.snapshot(),
                                r.calibration().accuracy(),
                                r.accuracyLower(),
                                r.accuracyUpper(),
                                List.of(
                                        String.format(
                                                Locale.ROOT,
                                                "accuracy %.1f%% (95%%: %.1f%% to %.1f%%)",
                                                100 * r.calibration().accuracy(),
                                                100 * r.accuracyLower(),
                                                100 * r.accuracyUpper()),
                                        String.format(
                                                Locale.ROOT,
                                                "n = %d, ECE %.3f",
                                                r.calibration().n(),
                                                r.calibration().ece()),
                                        "run " + r.runId() + (r.finished() ? "" : " (not finished)"))))
                        .toList());
    }

    static ObjectNode reliability(String set, List<EvaluationResult> results) {
        ObjectNode option = ChartOptions.base("Reliability on " + set);
        option.set(
                "xAxis",
                ChartOptions.valueAxis("Mean confidence (top probability)")
                        .put("min", 0)
                        .put("max", 1)
                        .put("scale", false));
        option.set(
                "yAxis",
                ChartOptions.valueAxis("Accuracy")
                        .put("min", 0)
                        .put("max", 1)
                        .put("scale", false)
                        .put("nameGap", 45));
        option.putObject("legend").put("bottom", 0).put("type", "scroll");
        ArrayNode series = option.putArray("series");
        ObjectNode diagonal = series.addObject()
                .put("type", "line")
                .put("name", "perfect calibration")
                .put("silent", true)
                .put("symbol", "none");
        diagonal.putObject("lineStyle").put("type", "dashed").put("color", "#999");
        diagonal.putObject("tooltip").put("show", false);
        diagonal.putArray("data")
                .add(JsonNodeFactory.instance.arrayNode().add(0).add(0))
                .add(JsonNodeFactory.instance.arrayNode().add(1).add(1));
        for (int i = 0; i < results.size(); i++) {
            EvaluationResult r = results.get(i);
            ObjectNode line = series.addObject().put("type", "line").put("name", r.snapshot());
            line.putObject("itemStyle").put("color", ChartOptions.color(i));
            ArrayNode data = line.putArray("data");
            for (CalibrationBin bin : r.calibration().bins()) {
                if (bin.count() == 0) {
                    continue;
                }
                ObjectNode point = data.addObject();
                point.putArray("value").add(bin.meanConfidence()).add(bin.accuracy());
                // bigger points for fuller bins, so sparse bins do not look as sure as full ones
                point.put(
                        "symbolSize",
                        4
                                + 16
                                        * Math.sqrt(bin.count()
                                                / (double) r.calibration().n()));
                point.set(
                        "tooltip",
                        ChartOptions.lines(List.of(
                                String.format(
                                        Locale.ROOT,
                                        "confidence %.1f-%.1f: %d items",
                                        bin.lower(),
                                        bin.upper(),
                                        bin.count()),
                                String.format(
                                        Locale.ROOT,
                                        "mean confidence %.3f, accuracy %.3f",
                                        bin.meanConfidence(),
                                        bin.accuracy()))));
            }
        }
        return option;
    }
}
