package org.cailab.redteam.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import java.util.function.Consumer;
import org.cailab.base.ui.MessageComposer;

/**
 * The worker's side of the conversation, with the way out: Alt+R finishes the attempt and opens the rating,
 * "Give up" drops it without a rating.
 */
class AttemptComposer extends MessageComposer {

    private final Button finish;

    AttemptComposer(Consumer<String> onSend, Runnable onFinish, Runnable onGiveUp, int maxLength) {
        this(onSend, finishButton(onFinish), giveUpButton(onGiveUp), maxLength);
    }

    private AttemptComposer(Consumer<String> onSend, Button finish, Button giveUp, int maxLength) {
        super("rt", "rt-actions", onSend, maxLength, finish, giveUp);
        this.finish = finish;
    }

    private static Button finishButton(Runnable onFinish) {
        Button finish = new Button("Finish and rate (Alt+R)");
        finish.setId("finish-attempt");
        finish.getElement().setAttribute("aria-keyshortcuts", RedTeamShortcut.FINISH.keys());
        finish.addClickListener(e -> onFinish.run());
        finish.addClickShortcut(RedTeamShortcut.FINISH.key(), RedTeamShortcut.FINISH.modifiers());
        return finish;
    }

    private static Button giveUpButton(Runnable onGiveUp) {
        Button giveUp = new Button("Give up this attempt");
        giveUp.setId("give-up");
        giveUp.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        giveUp.addClickListener(e -> onGiveUp.run());
        return giveUp;
    }

    /**
     * @param writing whether the worker may send a message now
     * @param rating  whether the attempt can be finished and rated now
     */
    void setState(boolean writing, boolean rating) {
        setWriting(writing);
        finish.setEnabled(rating);
    }
}
