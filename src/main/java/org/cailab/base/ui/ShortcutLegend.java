package org.cailab.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/**
 * The keyboard shortcuts of a worker page as a legend: on the page itself and again in its guidelines dialog. The
 * task type decides which shortcuts apply (a campaign may allow ties or not, ask a question or not).
 */
public class ShortcutLegend extends Div {

    /** One entry: the keys as the worker reads them ("Alt+G", "1-5") and what they do. */
    public record Entry(String keys, String action) {}

    private final String cssPrefix;

    /** @param cssPrefix the task type's stylesheet prefix: classes {@code <prefix>-legend}, {@code -key}, {@code -legend-entry} */
    public ShortcutLegend(String cssPrefix) {
        this.cssPrefix = cssPrefix;
        addClassName(cssPrefix + "-legend");
    }

    /** Shows these entries, in order, instead of the ones shown before. */
    public void show(List<Entry> entries) {
        removeAll();
        add(new Span("Keyboard: "));
        for (Entry shortcut : entries) {
            Span key = new Span(shortcut.keys());
            key.addClassName(cssPrefix + "-key");
            Span entry = new Span(key, new Span(" " + shortcut.action()));
            entry.addClassName(cssPrefix + "-legend-entry");
            add(entry);
        }
    }
}
