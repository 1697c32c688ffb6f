package org.cailab.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * Shown on a worker page (comparisons, red teaming, any later task type) once the worker met the campaign's quota:
 * the completion code, and the way back to Prolific. The code is set as text.
 */
public class CompletionPanel extends Div {

    private final String tasks;
    private final String codeClass;

    /**
     * @param tasks     what the worker has completed, in the plural ("comparisons", "attempts")
     * @param codeClass the CSS class of the code, for the page's style
     */
    public CompletionPanel(String tasks, String codeClass) {
        this.tasks = tasks;
        this.codeClass = codeClass;
        setId("completion");
        setVisible(false);
    }

    public void show(String code) {
        removeAll();
        Span codeText = new Span(code);
        codeText.setId("completion-code");
        codeText.addClassName(codeClass);
        add(
                new H2("Thank you, you are done!"),
                new Paragraph("You have completed all " + tasks + " of this study. Your completion code is:"),
                codeText,
                new Paragraph("If you came from Prolific, enter this code there, or follow this link:"),
                new Anchor("https://app.prolific.com/submissions/complete?cc=" + code, "Return to Prolific"));
        setVisible(true);
    }
}
