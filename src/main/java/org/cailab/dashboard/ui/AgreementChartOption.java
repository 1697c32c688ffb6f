package org.cailab.dashboard.ui;

import java.util.List;
import java.util.Locale;
import org.cailab.feedback.Agreement;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chart 7: human vs AI agreement, one bar per group (principle or feedback snapshot) with its 95% Wilson interval as
 * whiskers; the tooltip gives the counts.
 */
final class AgreementChartOption {

    private AgreementChartOption() {}

    static ObjectNode of(String title, String axis, List<Agreement> groups) {
        return ChartOptions.rateBars(
                title,
                axis,
                "Agreement with crowdworkers",
                "agreement",
                groups.stream()
                        .map(g -> new ChartOptions.RateBar(
                                g.group(),
                                g.rate(),
                                g.lower(),
                                g.upper(),
                                List.of(
                                        String.format(
                                                Locale.ROOT,
                                                "agreement %.1f%% (95%%: %.1f%% to %.1f%%)",
                                                100 * g.rate(),
                                                100 * g.lower(),
                                                100 * g.upper()),
                                        g.agreed() + " of " + g.n() + " comparisons agree")))
                        .toList());
    }
}
