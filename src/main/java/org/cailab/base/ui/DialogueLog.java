package org.cailab.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The conversation on a worker page: the worker's messages and the model's answers, always set as text, never as
 * HTML. A task type adds what follows the pending message (red teaming: the answer as it streams in).
 */
public class DialogueLog extends Div {

    private final String cssPrefix;
    private final String emptyHint;

    /**
     * @param cssPrefix the task type's stylesheet prefix: classes {@code <prefix>-log}, {@code -message},
     *                  {@code -human}, {@code -assistant}, {@code -author}, {@code -text}
     * @param emptyHint shown before the first message
     */
    public DialogueLog(String cssPrefix, String emptyHint) {
        this.cssPrefix = cssPrefix;
        this.emptyHint = emptyHint;
        addClassName(cssPrefix + "-log");
        setId("conversation");
        getElement().setAttribute("role", "log");
        getElement().setAttribute("aria-label", "Conversation so far");
    }

    /**
     * The finished exchanges, then the worker's message whose answer is being written (if any).
     *
     * @param human  what the worker wrote in an exchange
     * @param answer the answer that continues the conversation after it
     */
    public <T> void show(
            List<T> exchanges, Function<T, String> human, Function<T, String> answer, @Nullable String pendingMessage) {
        removeAll();
        if (exchanges.isEmpty() && pendingMessage == null) {
            add(new Paragraph(emptyHint));
        }
        for (T exchange : exchanges) {
            add(message("You", human.apply(exchange), "human"));
            add(message("Assistant", answer.apply(exchange), "assistant"));
        }
        if (pendingMessage != null) {
            add(message("You", pendingMessage, "human"));
            afterPendingMessage();
        }
        scrollToEnd();
    }

    /** Adds what follows the worker's pending message; nothing by default (the answers show elsewhere). */
    protected void afterPendingMessage() {}

    protected void scrollToEnd() {
        getElement().executeJs("this.scrollTop = this.scrollHeight");
    }

    private Div message(String who, String text, String role) {
        Span author = new Span(who);
        author.addClassName(cssPrefix + "-author");
        Div body = new Div();
        body.setText(text);
        body.addClassName(cssPrefix + "-text");
        Div message = new Div(author, body);
        message.addClassNames(cssPrefix + "-message", cssPrefix + "-" + role);
        return message;
    }
}
