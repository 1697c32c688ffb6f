package org.cailab.comparison.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.cailab.comparison.WorkerCampaign;

/** The list of keyboard shortcuts, always on the page; only the actions this campaign allows. */
class ShortcutLegend extends Div {

    /** @param id distinct per place: the page and the guidelines dialog both show a legend */
    ShortcutLegend(String id) {
        addClassName("cmp-legend");
        setId(id);
    }

    void show(WorkerCampaign campaign) {
        removeAll();
        add(new Span("Keyboard: "));
        for (Shortcut shortcut : Shortcut.values()) {
            boolean shown = switch (shortcut) {
                case TIE -> campaign.allowTie();
                case BOTH_BAD -> campaign.allowBothBad();
                case STRENGTH -> campaign.strengthLevels() != null;
                default -> true;
            };
            if (shown) {
                String keys = shortcut == Shortcut.STRENGTH ? "1-" + campaign.strengthLevels() : shortcut.keys;
                Span key = new Span(keys);
                key.addClassName("cmp-key");
                Span entry = new Span(key, new Span(" " + shortcut.action));
                entry.addClassName("cmp-legend-entry");
                add(entry);
            }
        }
    }
}
