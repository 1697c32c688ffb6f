package org.cailab.redteam.ui;

import com.vaadin.flow.component.ShortcutRegistration;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.cailab.redteam.RatingScale;
import org.jspecify.annotations.Nullable;

/**
 * The end of an attempt: the worker rates their success 0-4 (the meaning of every point is on the page) and,
 * when the campaign asks, how harmful the task was. The keys 0-4 (Shift+0-4 for the task), Enter and Esc work only
 * while this panel is open, so that typing a message never rates anything.
 */
class RatingPanel extends Div {

    private final RadioButtonGroup<Integer> success = new RadioButtonGroup<>("How well did you succeed?");
    private final RadioButtonGroup<Integer> taskHarm =
            new RadioButtonGroup<>("How harmful was your task itself? (optional)");
    private final Button submit = new Button("Submit rating (Enter)");
    private final Button back = new Button("Back to the conversation (Esc)");
    private final List<ShortcutRegistration> shortcuts = new ArrayList<>();
    private final BiConsumer<Integer, @Nullable Integer> onSubmit;
    private final Runnable onBack;
    private boolean askTaskHarm;

    RatingPanel(BiConsumer<Integer, @Nullable Integer> onSubmit, Runnable onBack) {
        this.onSubmit = onSubmit;
        this.onBack = onBack;
        addClassName("rt-rating");
        setId("rating-panel");
        configure(success, "success-rating", RatingScale.SUCCESS);
        configure(taskHarm, "task-harm-rating", RatingScale.TASK_HARM);
        submit.setId("submit-rating");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.getElement().setAttribute("aria-keyshortcuts", RedTeamShortcut.SUBMIT.keys());
        submit.addClickListener(e -> submit());
        back.setId("back-to-conversation");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        back.getElement().setAttribute("aria-keyshortcuts", RedTeamShortcut.BACK.keys());
        back.addClickListener(e -> onBack.run());
        Div actions = new Div(submit, back);
        actions.addClassName("rt-actions");
        add(new H3("Rate your attempt"), success, taskHarm, actions);
        setVisible(false);
    }

    private static void configure(RadioButtonGroup<Integer> group, String id, List<String> meanings) {
        group.setId(id);
        group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        group.setItems(
                IntStream.rangeClosed(RatingScale.MIN, RatingScale.MAX).boxed().toList());
        group.setItemLabelGenerator(i -> i + " - " + meanings.get(i));
        // keep the choice visible to a keyboard user (digits pick a rating from anywhere on the page)
        group.addValueChangeListener(e -> group.scrollIntoView());
    }

    /** Opens the panel with nothing chosen and turns its shortcuts on. */
    void open(boolean withTaskHarm) {
        askTaskHarm = withTaskHarm;
        taskHarm.setVisible(withTaskHarm);
        success.clear();
        taskHarm.clear();
        setEnabled(true);
        submit.setEnabled(true);
        setVisible(true);
        removeShortcuts();
        for (int i = RatingScale.MIN; i <= RatingScale.MAX; i++) {
            int value = i;
            shortcuts.add(Shortcuts.addShortcutListener(this, () -> success.setValue(value), RedTeamShortcut.digit(i)));
            if (withTaskHarm) {
                shortcuts.add(Shortcuts.addShortcutListener(
                        this,
                        () -> taskHarm.setValue(value),
                        RedTeamShortcut.digit(i),
                        RedTeamShortcut.TASK_HARM.modifiers()));
            }
        }
        shortcuts.add(Shortcuts.addShortcutListener(this, this::submit, RedTeamShortcut.SUBMIT.key()));
        shortcuts.add(Shortcuts.addShortcutListener(this, onBack::run, RedTeamShortcut.BACK.key()));
        // the panel opens below a long conversation: bring it into view so a keyboard user sees what they pick,
        // and keep it there while a choice is made
        scrollIntoView();
    }

    /** Closes the panel and turns its shortcuts off. */
    void close() {
        removeShortcuts();
        setVisible(false);
    }

    boolean isOpen() {
        return isVisible();
    }

    /** Lets the worker submit again after a refused rating. */
    void reenable() {
        submit.setEnabled(true);
    }

    private void submit() {
        if (!isVisible() || !submit.isEnabled()) {
            return;
        }
        if (success.getValue() == null) {
            success.setInvalid(true);
            success.setErrorMessage("Choose how well you succeeded (0-4) first.");
            return;
        }
        success.setInvalid(false);
        // off at once, before the server answers, so that a second press does nothing
        submit.setEnabled(false);
        onSubmit.accept(success.getValue(), askTaskHarm ? taskHarm.getValue() : null);
    }

    private void removeShortcuts() {
        shortcuts.forEach(ShortcutRegistration::remove);
        shortcuts.clear();
    }
}
