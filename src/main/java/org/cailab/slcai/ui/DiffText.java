package org.cailab.slcai.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.cailab.constitution.WordDiff;

/** A revision shown against the response it revised: removed words struck through, added words underlined. */
final class DiffText {

    private DiffText() {}

    /** The new text with the changes from the old one marked; text components only, never HTML. */
    static Div of(String oldText, String newText) {
        Div div = new Div();
        div.addClassNames("cailab-reply", "slcai-text");
        for (WordDiff.Segment segment : WordDiff.diff(oldText, newText)) {
            Span span = new Span(segment.text());
            switch (segment.op()) {
                case DELETE -> span.addClassName("cailab-del");
                case INSERT -> span.addClassName("cailab-ins");
                case EQUAL -> {}
            }
            div.add(span);
        }
        return div;
    }

    /** Plain text that keeps its line breaks. */
    static Div plain(String text, String className) {
        Div div = new Div();
        div.setText(text);
        div.addClassNames("cailab-reply", "slcai-text", className);
        return div;
    }
}
