package org.cailab.redteam.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.List;
import org.cailab.comparison.Exchange;
import org.jspecify.annotations.Nullable;

/**
 * The conversation of the attempt: the worker's messages and the model's answers, and the answer being written as
 * it streams in. Everything is set as text, never as HTML.
 */
class AttemptLog extends Div {

    private final Div reply = new Div();
    private final Div replyText = new Div();
    private final ProgressBar writing = new ProgressBar();

    AttemptLog() {
        addClassName("rt-log");
        setId("conversation");
        getElement().setAttribute("role", "log");
        getElement().setAttribute("aria-label", "Conversation so far");
        replyText.addClassName("rt-text");
        replyText.setId("reply-text");
        writing.setIndeterminate(true);
        writing.getElement().setAttribute("aria-label", "The answer is being written");
        Span author = new Span("Assistant");
        author.addClassName("rt-author");
        reply.add(author, replyText, writing);
        reply.addClassNames("rt-message", "rt-assistant");
        reply.setId("reply");
        reply.getElement().setAttribute("role", "region");
        reply.getElement().setAttribute("aria-label", "Answer being written");
    }

    /** The finished exchanges, then the worker's message whose answer is being written (if any). */
    void show(List<Exchange> exchanges, @Nullable String pendingMessage) {
        removeAll();
        if (exchanges.isEmpty() && pendingMessage == null) {
            add(new Paragraph("Write your first message below."));
        }
        for (Exchange exchange : exchanges) {
            add(message("You", exchange.humanMessage(), "rt-human"));
            add(message("Assistant", exchange.answer(), "rt-assistant"));
        }
        if (pendingMessage != null) {
            add(message("You", pendingMessage, "rt-human"));
            replyText.setText("");
            busy(true);
            add(reply);
        }
        scrollToEnd();
    }

    void streamed(String text) {
        replyText.setText(text);
        scrollToEnd();
    }

    private void busy(boolean busy) {
        writing.setVisible(busy);
        reply.getElement().setAttribute("aria-busy", String.valueOf(busy));
    }

    private void scrollToEnd() {
        getElement().executeJs("this.scrollTop = this.scrollHeight");
    }

    private static Div message(String who, String text, String className) {
        Span author = new Span(who);
        author.addClassName("rt-author");
        Div body = new Div();
        body.setText(text);
        body.addClassName("rt-text");
        Div message = new Div(author, body);
        message.addClassNames("rt-message", className);
        return message;
    }
}
