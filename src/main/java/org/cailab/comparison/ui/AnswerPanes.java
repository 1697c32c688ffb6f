package org.cailab.comparison.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.cailab.comparison.Side;

/** The two answers side by side as "A" and "B": streamed text while they are written, plain text always. */
class AnswerPanes extends Div {

    private final Pane a = new Pane(Side.A);
    private final Pane b = new Pane(Side.B);

    AnswerPanes() {
        addClassName("cmp-answers");
        add(a, b);
        setVisible(false);
    }

    void streaming() {
        setVisible(true);
        a.set("", true);
        b.set("", true);
    }

    void text(Side side, String text) {
        (side == Side.A ? a : b).set(text, true);
    }

    void ready(String answerA, String answerB) {
        setVisible(true);
        a.set(answerA, false);
        b.set(answerB, false);
    }

    void clear() {
        setVisible(false);
        a.set("", false);
        b.set("", false);
    }

    private static final class Pane extends Div {
        private final Div text = new Div();
        private final ProgressBar writing = new ProgressBar();

        Pane(Side side) {
            addClassName("cmp-answer");
            setId("answer-" + side.name().toLowerCase());
            getElement().setAttribute("role", "region");
            getElement().setAttribute("aria-label", "Answer " + side.name());
            text.addClassName("cmp-text");
            text.setId("answer-" + side.name().toLowerCase() + "-text");
            writing.setIndeterminate(true);
            writing.getElement().setAttribute("aria-label", "Answer " + side.name() + " is being written");
            add(new H3(side.name()), text, writing);
        }

        void set(String value, boolean inProgress) {
            text.setText(value);
            writing.setVisible(inProgress);
            getElement().setAttribute("aria-busy", String.valueOf(inProgress));
        }
    }
}
