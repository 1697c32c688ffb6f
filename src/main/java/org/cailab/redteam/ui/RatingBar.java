package org.cailab.redteam.ui;

import com.vaadin.flow.component.html.Div;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cailab.redteam.RatingStats;

/** The distribution of ratings 0..4 as one stacked bar; its label tells the counts to screen readers and tooltips. */
class RatingBar extends Div {

    RatingBar(RatingStats stats) {
        addClassName("rt-bar");
        List<Long> counts = stats.counts();
        List<Double> shares = stats.shares();
        String text = IntStream.range(0, counts.size())
                .mapToObj(i -> i + ": " + counts.get(i))
                .collect(Collectors.joining(", "));
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", "Ratings of " + stats.label() + " - " + text);
        getElement().setAttribute("title", text);
        for (int i = 0; i < counts.size(); i++) {
            Div segment = new Div();
            segment.addClassNames("rt-bar-segment", "rt-bar-" + i);
            segment.getStyle().set("width", String.format(Locale.ROOT, "%.2f%%", shares.get(i) * 100));
            add(segment);
        }
    }
}
