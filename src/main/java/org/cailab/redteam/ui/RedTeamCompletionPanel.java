package org.cailab.redteam.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** Shown once the worker met the quota: the completion code, and the way back to Prolific. */
class RedTeamCompletionPanel extends Div {

    RedTeamCompletionPanel() {
        setId("completion");
        setVisible(false);
    }

    void show(String code) {
        removeAll();
        Span codeText = new Span(code);
        codeText.setId("completion-code");
        codeText.addClassName("rt-code");
        add(new H2("Thank you, you are done!"),
                new Paragraph("You have completed all attempts of this study. Your completion code is:"), codeText,
                new Paragraph("If you came from Prolific, enter this code there, or follow this link:"),
                new Anchor("https://app.prolific.com/submissions/complete?cc=" + code, "Return to Prolific"));
        setVisible(true);
    }
}
