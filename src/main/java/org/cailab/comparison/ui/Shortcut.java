package org.cailab.comparison.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import java.util.ArrayList;
import java.util.List;
import org.cailab.base.ui.KeyShortcut;
import org.cailab.base.ui.ShortcutLegend;
import org.cailab.comparison.WorkerCampaign;

/** The keyboard shortcuts of the comparison page: one source for registering them and for the legend. */
final class Shortcut {
    static final KeyShortcut SEND = new KeyShortcut("Enter", "send your message (Shift+Enter: new line)", Key.ENTER);
    static final KeyShortcut A_BETTER = new KeyShortcut("A", "A is better", Key.KEY_A);
    static final KeyShortcut B_BETTER = new KeyShortcut("B", "B is better", Key.KEY_B);
    static final KeyShortcut TIE = new KeyShortcut("T", "tie", Key.KEY_T);
    static final KeyShortcut BOTH_BAD = new KeyShortcut("X", "both bad", Key.KEY_X);
    static final KeyShortcut STRENGTH =
            new KeyShortcut("1-9", "how strong your preference is (press before A or B)", Key.DIGIT_1);
    static final KeyShortcut NEW_CONVERSATION =
            new KeyShortcut("Alt+N", "new conversation", Key.KEY_N, KeyModifier.ALT);
    static final KeyShortcut GUIDELINES = new KeyShortcut("Alt+G", "show the guidelines", Key.KEY_G, KeyModifier.ALT);

    /** In the legend's order. */
    static final List<KeyShortcut> ALL =
            List.of(SEND, A_BETTER, B_BETTER, TIE, BOTH_BAD, STRENGTH, NEW_CONVERSATION, GUIDELINES);

    private Shortcut() {}

    /** An empty legend with this page's styles; fill it with {@link #legendFor}. */
    static ShortcutLegend legend(String id) {
        ShortcutLegend legend = new ShortcutLegend("cmp");
        legend.setId(id);
        return legend;
    }

    /** Only the actions this campaign allows, with its strength scale. */
    static List<ShortcutLegend.Entry> legendFor(WorkerCampaign campaign) {
        List<ShortcutLegend.Entry> entries = new ArrayList<>();
        for (KeyShortcut shortcut : ALL) {
            boolean shown = shortcut == TIE
                    ? campaign.allowTie()
                    : shortcut == BOTH_BAD
                            ? campaign.allowBothBad()
                            : shortcut != STRENGTH || campaign.strengthLevels() != null;
            if (shown) {
                String keys = shortcut == STRENGTH ? "1-" + campaign.strengthLevels() : shortcut.keys();
                entries.add(new ShortcutLegend.Entry(keys, shortcut.action()));
            }
        }
        return entries;
    }
}
