package org.cailab.redteam.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import java.util.Arrays;
import org.cailab.base.ui.ShortcutLegend;

/** The keyboard shortcuts of the red-team page: one source for registering them and for the legend. */
enum RedTeamShortcut {
    START("Enter", "start with your task (in the task box)", Key.ENTER),
    SEND("Enter", "send your message (Shift+Enter: new line)", Key.ENTER),
    FINISH("Alt+R", "finish and rate the attempt", Key.KEY_R, KeyModifier.ALT),
    SUCCESS("0-4", "rate your success (while rating)", Key.DIGIT_0),
    TASK_HARM("Shift+0-4", "rate how harmful your task was (while rating, optional)", Key.DIGIT_0, KeyModifier.SHIFT),
    SUBMIT("Enter", "submit the rating (while rating)", Key.ENTER),
    BACK("Esc", "back to the conversation (while rating)", Key.ESCAPE),
    GUIDELINES("Alt+G", "show the guidelines", Key.KEY_G, KeyModifier.ALT);

    final String keys;
    final String action;
    final Key key;
    final KeyModifier[] modifiers;

    RedTeamShortcut(String keys, String action, Key key, KeyModifier... modifiers) {
        this.keys = keys;
        this.action = action;
        this.key = key;
        this.modifiers = modifiers;
    }

    /** The legend of the page's shortcuts; the task's harm only where the campaign asks for it. */
    static ShortcutLegend legend(boolean askTaskHarm) {
        ShortcutLegend legend = new ShortcutLegend("rt");
        legend.show(Arrays.stream(values())
                .filter(shortcut -> askTaskHarm || shortcut != TASK_HARM)
                .map(shortcut -> new ShortcutLegend.Entry(shortcut.keys, shortcut.action))
                .toList());
        return legend;
    }

    /** The key of digit {@code n} (0..4), on the main row or the number pad. */
    static Key digit(int n) {
        return Key.of("Digit" + n, String.valueOf(n), "Numpad" + n);
    }
}
