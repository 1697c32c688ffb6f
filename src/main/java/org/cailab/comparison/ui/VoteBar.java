package org.cailab.comparison.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.ShortcutRegistration;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.cailab.base.ui.KeyShortcut;
import org.cailab.comparison.Choice;
import org.cailab.comparison.WorkerCampaign;
import org.jspecify.annotations.Nullable;

/**
 * The vote buttons (and the strength scale when the campaign asks for it). Their keyboard shortcuts exist only
 * while a vote is possible, so that typing a message never triggers a vote.
 */
class VoteBar extends Div {

    private static final Key[] DIGITS = {
        Key.DIGIT_1,
        Key.DIGIT_2,
        Key.DIGIT_3,
        Key.DIGIT_4,
        Key.DIGIT_5,
        Key.DIGIT_6,
        Key.DIGIT_7,
        Key.DIGIT_8,
        Key.DIGIT_9
    };

    private final Consumer<Choice> onVote;
    private final Button aBetter = button(Choice.A_BETTER, Shortcut.A_BETTER);
    private final Button bBetter = button(Choice.B_BETTER, Shortcut.B_BETTER);
    private final Button tie = button(Choice.TIE, Shortcut.TIE);
    private final Button bothBad = button(Choice.BOTH_BAD, Shortcut.BOTH_BAD);
    private final RadioButtonGroup<Integer> strength = new RadioButtonGroup<>("How strong is your preference?");
    private final List<ShortcutRegistration> shortcuts = new ArrayList<>();
    private @Nullable Integer levels;

    VoteBar(Consumer<Choice> onVote) {
        this.onVote = onVote;
        addClassName("cmp-vote");
        setId("vote-bar");
        aBetter.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        bBetter.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        strength.setId("strength");
        Div buttons = new Div(aBetter, bBetter, tie, bothBad);
        buttons.addClassName("cmp-vote-buttons");
        add(strength, buttons);
        setEnabled(false);
    }

    void configure(WorkerCampaign campaign) {
        tie.setVisible(campaign.allowTie());
        bothBad.setVisible(campaign.allowBothBad());
        levels = campaign.strengthLevels();
        strength.setVisible(levels != null);
        if (levels != null) {
            int n = levels;
            strength.setItems(IntStream.rangeClosed(1, n).boxed().toList());
            strength.setItemLabelGenerator(i -> i == 1 ? "1 slightly" : i == n ? n + " much" : String.valueOf(i));
        }
    }

    /** Turns the vote on: buttons enabled, shortcuts registered. */
    void enableVoting() {
        setEnabled(true);
        List.of(aBetter, bBetter, tie, bothBad).forEach(b -> b.setEnabled(true));
        strength.clear();
        removeShortcuts();
        register(aBetter, Shortcut.A_BETTER);
        register(bBetter, Shortcut.B_BETTER);
        if (tie.isVisible()) {
            register(tie, Shortcut.TIE);
        }
        if (bothBad.isVisible()) {
            register(bothBad, Shortcut.BOTH_BAD);
        }
        if (levels != null) {
            for (int i = 1; i <= levels; i++) {
                int value = i;
                shortcuts.add(Shortcuts.addShortcutListener(this, () -> strength.setValue(value), DIGITS[i - 1]));
            }
        }
    }

    /** Turns the vote off at once (before the server answers), so that a second press does nothing. */
    void disableVoting() {
        setEnabled(false);
        removeShortcuts();
    }

    @Nullable
    Integer strength() {
        return strength.getValue();
    }

    private void register(Button button, KeyShortcut shortcut) {
        shortcuts.add(button.addClickShortcut(shortcut.key(), shortcut.modifiers()));
    }

    private void removeShortcuts() {
        shortcuts.forEach(ShortcutRegistration::remove);
        shortcuts.clear();
    }

    private Button button(Choice choice, KeyShortcut shortcut) {
        Button button = new Button(choice.label() + " (" + shortcut.keys() + ")", e -> {
            if (isEnabled()) {
                disableVoting();
                onVote.accept(choice);
            }
        });
        button.setId("vote-" + choice.name().toLowerCase().replace('_', '-'));
        button.getElement().setAttribute("aria-keyshortcuts", shortcut.aria());
        button.setDisableOnClick(true);
        return button;
    }
}
