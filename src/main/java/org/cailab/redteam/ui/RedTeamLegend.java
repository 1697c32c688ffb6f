package org.cailab.redteam.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** The list of keyboard shortcuts, always on the page. */
class RedTeamLegend extends Div {

    RedTeamLegend(boolean askTaskHarm) {
        addClassName("rt-legend");
        add(new Span("Keyboard: "));
        for (RedTeamShortcut shortcut : RedTeamShortcut.values()) {
            if (shortcut == RedTeamShortcut.TASK_HARM && !askTaskHarm) {
                continue;
            }
            Span key = new Span(shortcut.keys);
            key.addClassName("rt-key");
            Span entry = new Span(key, new Span(" " + shortcut.action));
            entry.addClassName("rt-legend-entry");
            add(entry);
        }
    }
}
