package org.cailab.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

/**
 * A campaign's guidelines on a worker page, shown on the first visit and on demand: the researcher's instructions
 * (as text), the limits, the task's own sections, the keyboard legend, and a note on anonymity. One frame for every
 * task type; {@code onClose} runs when the worker closes it (to record that they read it).
 */
public class GuidelinesDialog extends Dialog {

    /** A titled section that a task type adds, for example the meaning of the ratings. */
    public record Section(String title, Component content) {}

    public GuidelinesDialog(
            String campaignName,
            String instructions,
            String textClass,
            String limits,
            Component keyboardLegend,
            String anonymityNote,
            Runnable onClose,
            Section... sections) {
        setHeaderTitle("Guidelines: " + campaignName);
        setId("guidelines");
        setMaxWidth("48em");
        Div text = new Div();
        text.setText(instructions);
        text.addClassName(textClass);
        add(text, new Paragraph(limits));
        for (Section section : sections) {
            add(new H3(section.title()), section.content());
        }
        add(new H3("Keyboard"), keyboardLegend, new Paragraph(anonymityNote));
        Button start = new Button("Got it", e -> close());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(start);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                onClose.run();
            }
        });
    }
}
