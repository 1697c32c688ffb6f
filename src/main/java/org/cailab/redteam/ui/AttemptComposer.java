package org.cailab.redteam.ui;

import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.Consumer;

/**
 * The worker's side of the conversation, with the way out: Enter sends (Shift+Enter starts a new line), Alt+R
 * finishes the attempt and opens the rating, "Give up" drops it without a rating.
 */
class AttemptComposer extends Div {

    private final TextArea message = new TextArea("Your message");
    private final Button send = new Button("Send (Enter)");
    private final Button finish = new Button("Finish and rate (Alt+R)");
    private final Button giveUp = new Button("Give up this attempt");

    AttemptComposer(Consumer<String> onSend, Runnable onFinish, Runnable onGiveUp, int maxLength) {
        addClassName("rt-composer");
        message.setId("message");
        message.setWidthFull();
        message.setMaxLength(maxLength);
        message.setMinRows(2);
        // every keystroke reaches the server, so that Enter always sends exactly what is in the box
        message.setValueChangeMode(ValueChangeMode.EAGER);
        send.setId("send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.getElement().setAttribute("aria-keyshortcuts", RedTeamShortcut.SEND.keys);
        send.addClickListener(e -> onSend.accept(message.getValue()));
        Shortcuts.addShortcutListener(
                        message,
                        () -> {
                            if (send.isEnabled()) {
                                onSend.accept(message.getValue());
                            }
                        },
                        RedTeamShortcut.SEND.key)
                .listenOn(message);
        finish.setId("finish-attempt");
        finish.getElement().setAttribute("aria-keyshortcuts", RedTeamShortcut.FINISH.keys);
        finish.addClickListener(e -> onFinish.run());
        finish.addClickShortcut(RedTeamShortcut.FINISH.key, RedTeamShortcut.FINISH.modifiers);
        giveUp.setId("give-up");
        giveUp.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        giveUp.addClickListener(e -> onGiveUp.run());
        Div actions = new Div(send, finish, giveUp);
        actions.addClassName("rt-actions");
        add(message, actions);
    }

    /**
     * @param writing whether the worker may send a message now
     * @param rating  whether the attempt can be finished and rated now
     */
    void setState(boolean writing, boolean rating) {
        message.setEnabled(writing);
        send.setEnabled(writing);
        finish.setEnabled(rating);
        if (writing) {
            message.focus();
        }
    }

    void clear() {
        message.clear();
    }

    void restore(String text) {
        message.setValue(text);
    }
}
