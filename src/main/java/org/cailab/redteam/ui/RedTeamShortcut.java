package org.cailab.redteam.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import java.util.List;
import org.cailab.base.ui.KeyShortcut;
import org.cailab.base.ui.ShortcutLegend;

/** The keyboard shortcuts of the red-team page: one source for registering them and for the legend. */
final class RedTeamShortcut {
    static final KeyShortcut START = new KeyShortcut("Enter", "start with your task (in the task box)", Key.ENTER);
    static final KeyShortcut SEND = new KeyShortcut("Enter", "send your message (Shift+Enter: new line)", Key.ENTER);
    static final KeyShortcut FINISH =
            new KeyShortcut("Alt+R", "finish and rate the attempt", Key.KEY_R, KeyModifier.ALT);
    static final KeyShortcut SUCCESS = new KeyShortcut("0-4", "rate your success (while rating)", Key.DIGIT_0);
    static final KeyShortcut TASK_HARM = new KeyShortcut(
            "Shift+0-4", "rate how harmful your task was (while rating, optional)", Key.DIGIT_0, KeyModifier.SHIFT);
    static final KeyShortcut SUBMIT = new KeyShortcut("Enter", "submit the rating (while rating)", Key.ENTER);
    static final KeyShortcut BACK = new KeyShortcut("Esc", "back to the conversation (while rating)", Key.ESCAPE);
    static final KeyShortcut GUIDELINES = new KeyShortcut("Alt+G", "show the guidelines", Key.KEY_G, KeyModifier.ALT);

    /** In the legend's order. */
    static final List<KeyShortcut> ALL = List.of(START, SEND, FINISH, SUCCESS, TASK_HARM, SUBMIT, BACK, GUIDELINES);

    private RedTeamShortcut() {}

    /** The legend of the page's shortcuts; the task's harm only where the campaign asks for it. */
    static ShortcutLegend legend(boolean askTaskHarm) {
        ShortcutLegend legend = new ShortcutLegend("rt");
        legend.show(ALL.stream()
                .filter(shortcut -> askTaskHarm || shortcut != TASK_HARM)
                .map(KeyShortcut::entry)
                .toList());
        return legend;
    }

    /** The key of digit {@code n} (0..4), on the main row or the number pad. */
    static Key digit(int n) {
        return Key.of("Digit" + n, String.valueOf(n), "Numpad" + n);
    }
}
