package org.cailab.comparison.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import java.util.ArrayList;
import java.util.List;
import org.cailab.base.ui.ShortcutLegend;
import org.cailab.comparison.WorkerCampaign;

/** The keyboard shortcuts of the comparison page: one source for registering them and for the legend. */
enum Shortcut {
    SEND("Enter", "send your message (Shift+Enter: new line)", Key.ENTER),
    A_BETTER("A", "A is better", Key.KEY_A),
    B_BETTER("B", "B is better", Key.KEY_B),
    TIE("T", "tie", Key.KEY_T),
    BOTH_BAD("X", "both bad", Key.KEY_X),
    STRENGTH("1-9", "how strong your preference is (press before A or B)", Key.DIGIT_1),
    NEW_CONVERSATION("Alt+N", "new conversation", Key.KEY_N, KeyModifier.ALT),
    GUIDELINES("Alt+G", "show the guidelines", Key.KEY_G, KeyModifier.ALT);

    final String keys;
    final String action;
    final Key key;
    final KeyModifier[] modifiers;

    Shortcut(String keys, String action, Key key, KeyModifier... modifiers) {
        this.keys = keys;
        this.action = action;
        this.key = key;
        this.modifiers = modifiers;
    }

    /** The value for the {@code aria-keyshortcuts} attribute. */
    String aria() {
        return keys;
    }

    /** An empty legend with this page's styles; fill it with {@link #legendFor}. */
    static ShortcutLegend legend(String id) {
        ShortcutLegend legend = new ShortcutLegend("cmp");
        legend.setId(id);
        return legend;
    }

    /** Only the actions this campaign allows, with its strength scale. */
    static List<ShortcutLegend.Entry> legendFor(WorkerCampaign campaign) {
        List<ShortcutLegend.Entry> entries = new ArrayList<>();
        for (Shortcut shortcut : values()) {
            boolean shown = switch (shortcut) {
                case TIE -> campaign.allowTie();
                case BOTH_BAD -> campaign.allowBothBad();
                case STRENGTH -> campaign.strengthLevels() != null;
                default -> true;
            };
            if (shown) {
                String keys = shortcut == STRENGTH ? "1-" + campaign.strengthLevels() : shortcut.keys;
                entries.add(new ShortcutLegend.Entry(keys, shortcut.action));
            }
        }
        return entries;
    }
}
