package org.cailab.comparison.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import java.util.function.Consumer;
import org.cailab.base.ui.MessageComposer;

/** Where the worker writes the human side of the conversation, with "New conversation" (Alt+N). */
class Composer extends MessageComposer {

    Composer(Consumer<String> onSend, Runnable onNewConversation, int maxLength) {
        super("cmp", "cmp-composer-actions", onSend, maxLength, newConversation(onNewConversation));
    }

    private static Button newConversation(Runnable onNewConversation) {
        Button button = new Button("New conversation (Alt+N)");
        button.setId("new-conversation");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.getElement().setAttribute("aria-keyshortcuts", Shortcut.NEW_CONVERSATION.aria());
        button.addClickListener(e -> onNewConversation.run());
        button.addClickShortcut(Shortcut.NEW_CONVERSATION.key(), Shortcut.NEW_CONVERSATION.modifiers());
        return button;
    }
}
