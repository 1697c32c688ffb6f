package org.cailab.base.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.Consumer;

/**
 * Where a worker writes their side of a live conversation: the message box and "Send"; Enter sends, Shift+Enter
 * starts a new line. A task type adds its own buttons after "Send" (new conversation, finish and rate, give up).
 */
public class MessageComposer extends Div {

    private final TextArea message = new TextArea("Your message");
    private final Button send = new Button("Send (Enter)");

    /**
     * @param cssPrefix    the task type's stylesheet prefix: class {@code <prefix>-composer}
     * @param actionsClass the class of the row of buttons
     * @param actions      the task type's buttons after "Send"
     */
    protected MessageComposer(
            String cssPrefix, String actionsClass, Consumer<String> onSend, int maxLength, Button... actions) {
        addClassName(cssPrefix + "-composer");
        message.setId("message");
        message.setWidthFull();
        message.setMaxLength(maxLength);
        message.setMinRows(2);
        // every keystroke reaches the server, so that Enter always sends exactly what is in the box
        message.setValueChangeMode(ValueChangeMode.EAGER);
        send.setId("send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.getElement().setAttribute("aria-keyshortcuts", "Enter");
        send.addClickListener(e -> onSend.accept(message.getValue()));
        Shortcuts.addShortcutListener(
                        message,
                        () -> {
                            if (send.isEnabled()) {
                                onSend.accept(message.getValue());
                            }
                        },
                        Key.ENTER)
                .listenOn(message);
        Div buttons = new Div(send);
        buttons.add(actions);
        buttons.addClassName(actionsClass);
        add(message, buttons);
    }

    /** Whether the worker may write now; the cursor goes into the box when they may. */
    public void setWriting(boolean writing) {
        message.setEnabled(writing);
        send.setEnabled(writing);
        if (writing) {
            message.focus();
        }
    }

    /** Puts the cursor into the message box when the worker may write now. */
    public void focusIfWriting() {
        if (message.isEnabled()) {
            message.focus();
        }
    }

    public void clear() {
        message.clear();
    }

    /** Puts back a message that could not be sent. */
    public void restore(String text) {
        message.setValue(text);
    }
}
