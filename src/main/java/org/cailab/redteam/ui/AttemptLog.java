package org.cailab.redteam.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.List;
import org.cailab.base.ui.DialogueLog;
import org.cailab.dialogue.Exchange;
import org.jspecify.annotations.Nullable;

/**
 * The conversation of the attempt: the worker's messages and the model's answers, and the answer being written as
 * it streams in. Everything is set as text, never as HTML.
 */
class AttemptLog extends DialogueLog {

    private final Div reply = new Div();
    private final Div replyText = new Div();
    private final ProgressBar writing = new ProgressBar();

    AttemptLog() {
        super("rt", "Write your first message below.");
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
        show(exchanges, Exchange::humanMessage, Exchange::answer, pendingMessage);
    }

    @Override
    protected void afterPendingMessage() {
        replyText.setText("");
        busy(true);
        add(reply);
    }

    void streamed(String text) {
        replyText.setText(text);
        scrollToEnd();
    }

    private void busy(boolean busy) {
        writing.setVisible(busy);
        reply.getElement().setAttribute("aria-busy", String.valueOf(busy));
    }
}
