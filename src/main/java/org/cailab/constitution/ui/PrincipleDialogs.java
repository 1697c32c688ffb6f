package org.cailab.constitution.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.cailab.constitution.ConstitutionValidator;
import org.cailab.constitution.RlPrinciple;
import org.cailab.constitution.SlPrinciple;
import org.jspecify.annotations.Nullable;

/**
 * Edit dialogs for one SL or RL principle. "Apply" checks the principle as the validator does (empty texts,
 * reserved markers, blank lines, key format) plus key uniqueness within the draft, and shows each problem on its
 * field; only a clean principle goes back into the draft.
 */
final class PrincipleDialogs {

    private PrincipleDialogs() {}

    static void openSl(
            @Nullable SlPrinciple existing, Set<String> otherKeys, boolean editable, Consumer<SlPrinciple> onApply) {
        TextField key = new TextField("Key");
        TextArea critique = new TextArea("Critique request");
        TextArea revision = new TextArea("Revision request");
        Checkbox enabled = new Checkbox("Enabled (runs may draw it)", true);
        if (existing != null) {
            key.setValue(existing.key());
            critique.setValue(existing.critiqueRequest());
            revision.setValue(existing.revisionRequest());
            enabled.setValue(existing.enabled());
        }
        FieldErrors errors = new FieldErrors()
                .field("key", key)
                .field("critiqueRequest", critique)
                .field("revisionRequest", revision);
        open(
                existing == null ? "New SL principle" : "SL principle " + existing.key(),
                editable,
                errors,
                new FormLayout(key, enabled, critique, revision),
                () -> {
                    SlPrinciple principle = new SlPrinciple(
                            key.getValue().strip(), critique.getValue(), revision.getValue(), enabled.getValue());
                    List<String> problems = new ArrayList<>(ConstitutionValidator.slPrincipleProblems(principle));
                    unique(problems, otherKeys, principle.key(), "SL");
                    return errors.show(problems) ? principle : null;
                },
                onApply);
    }

    static void openRl(
            @Nullable RlPrinciple existing, Set<String> otherKeys, boolean editable, Consumer<RlPrinciple> onApply) {
        TextField key = new TextField("Key");
        TextArea instruction = new TextArea("Instruction");
        instruction.setHelperText("The comparison question, for example \"Which of these responses is less harmful?\"");
        Checkbox enabled = new Checkbox("Enabled (runs may draw it)", true);
        if (existing != null) {
            key.setValue(existing.key());
            instruction.setValue(existing.instruction());
            enabled.setValue(existing.enabled());
        }
        FieldErrors errors = new FieldErrors().field("key", key).field("instruction", instruction);
        open(
                existing == null ? "New RL principle" : "RL principle " + existing.key(),
                editable,
                errors,
                new FormLayout(key, enabled, instruction),
                () -> {
                    RlPrinciple principle =
                            new RlPrinciple(key.getValue().strip(), instruction.getValue(), enabled.getValue());
                    List<String> problems = new ArrayList<>(ConstitutionValidator.rlPrincipleProblems(principle));
                    unique(problems, otherKeys, principle.key(), "RL");
                    return errors.show(problems) ? principle : null;
                },
                onApply);
    }

    /** A dialog with a form and Apply/Cancel; {@code build} returns null while the form has problems. */
    static <P> void open(
            String title,
            boolean editable,
            FieldErrors errors,
            FormLayout form,
            Supplier<@Nullable P> build,
            Consumer<P> onApply) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        dialog.setWidth("min(56rem, 95vw)");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.getChildren().forEach(c -> {
            if (c instanceof com.vaadin.flow.component.HasValue<?, ?> field) {
                field.setReadOnly(!editable);
            }
        });
        dialog.add(form, errors.formError());
        Button apply = new Button("Apply", e -> {
            P built = build.get();
            if (built != null) {
                onApply.accept(built);
                dialog.close();
            }
        });
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setVisible(editable);
        dialog.getFooter().add(new Button(editable ? "Cancel" : "Close", e -> dialog.close()), apply);
        dialog.open();
    }

    private static void unique(List<String> problems, Set<String> otherKeys, String key, String kind) {
        if (otherKeys.contains(key)) {
            problems.add("key: another " + kind + " principle already uses \"" + key + "\"");
        }
    }
}
