package org.cailab.comparison.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.cailab.comparison.Exchange;
import org.jspecify.annotations.Nullable;

/** The conversation so far: the worker's messages and the answers they picked, always rendered as plain text. */
class ConversationLog extends Div {

    ConversationLog() {
        addClassName("cmp-log");
        setId("conversation");
        getElement().setAttribute("role", "log");
        getElement().setAttribute("aria-label", "Conversation so far");
    }

    void show(List<Exchange> exchanges, @Nullable String pendingMessage) {
        removeAll();
        if (exchanges.isEmpty() && pendingMessage == null) {
            add(new Paragraph("Start the conversation: write a message below."));
            return;
        }
        for (Exchange exchange : exchanges) {
            add(message("You", exchange.humanMessage(), "cmp-human"));
            add(message("Assistant", exchange.answer(), "cmp-assistant"));
        }
        if (pendingMessage != null) {
            add(message("You", pendingMessage, "cmp-human"));
        }
        getElement().executeJs("this.scrollTop = this.scrollHeight");
    }

    private static Div message(String who, String text, String className) {
        Span author = new Span(who);
        author.addClassName("cmp-author");
        Div body = new Div();
        body.setText(text);
        body.addClassName("cmp-text");
        Div message = new Div(author, body);
        message.addClassNames("cmp-message", className);
        return message;
    }
}
