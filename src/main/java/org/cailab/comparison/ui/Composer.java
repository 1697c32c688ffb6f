package org.cailab.comparison.ui;

import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.Consumer;

/** Where the worker writes the human side of the conversation; Enter sends, Shift+Enter starts a new line. */
class Composer extends Div {

    private final TextArea message = new TextArea("Your message");
    private final Button send = new Button("Send (Enter)");
    private final Button newConversation = new Button("New conversation (Alt+N)");

    Composer(Consumer<String> onSend, Runnable onNewConversation, int maxLength) {
        addClassName("cmp-composer");
        message.setId("message");
        message.setWidthFull();
        message.setMaxLength(maxLength);
        message.setMinRows(2);
        // every keystroke reaches the server, so that Enter always sends exactly what is in the box
        message.setValueChangeMode(ValueChangeMode.EAGER);
        send.setId("send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.getElement().setAttribute("aria-keyshortcuts", Shortcut.SEND.aria());
        send.addClickListener(e -> onSend.accept(message.getValue()));
        Shortcuts.addShortcutListener(
                        message,
                        () -> {
                            if (send.isEnabled()) {
                                onSend.accept(message.getValue());
                            }
                        },
                        Shortcut.SEND.key)
                .listenOn(message);
        newConversation.setId("new-conversation");
        newConversation.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        newConversation.getElement().setAttribute("aria-keyshortcuts", Shortcut.NEW_CONVERSATION.aria());
        newConversation.addClickListener(e -> onNewConversation.run());
        newConversation.addClickShortcut(Shortcut.NEW_CONVERSATION.key, Shortcut.NEW_CONVERSATION.modifiers);
        Div actions = new Div(send, newConversation);
        actions.addClassName("cmp-composer-actions");
        add(message, actions);
    }

    /** Whether the worker may write now (not while answers are pending or the conversation is finished). */
    void setWriting(boolean writing) {
        message.setEnabled(writing);
        send.setEnabled(writing);
        if (writing) {
            message.focus();
        }
    }

    /** Puts the cursor into the message box when the worker may write now. */
    void focusIfWriting() {
        if (message.isEnabled()) {
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
