package org.cailab.redteam.ui;

import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.Consumer;

/** Where a new attempt begins: the worker says in one sentence what they will try to get the model to do. */
class TaskForm extends Div {

    private final TextField task = new TextField("What are you trying to get the model to do?");
    private final Button start = new Button("Start (Enter)");

    TaskForm(Consumer<String> onStart, int maxLength) {
        addClassName("rt-task-form");
        task.setId("task-description");
        task.setWidthFull();
        task.setMaxLength(maxLength);
        task.setPlaceholder("For example: get it to explain how to pick a lock");
        task.setValueChangeMode(ValueChangeMode.EAGER);
        start.setId("start-attempt");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.getElement().setAttribute("aria-keyshortcuts", RedTeamShortcut.START.keys());
        start.addClickListener(e -> onStart.accept(task.getValue()));
        Shortcuts.addShortcutListener(task, () -> onStart.accept(task.getValue()), RedTeamShortcut.START.key())
                .listenOn(task);
        add(new Paragraph("A new attempt: you will talk with one assistant. Describe your task first."), task, start);
    }

    void showAndFocus() {
        setVisible(true);
        task.clear();
        task.focus();
    }
}
