package org.cailab.constitution.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import org.cailab.constitution.ConstitutionContent;
import org.cailab.constitution.PromptKind;
import org.cailab.constitution.PromptPreview;
import org.cailab.constitution.PromptSample;
import org.cailab.constitution.RlPrinciple;
import org.cailab.constitution.SlPrinciple;
import org.cailab.dialogue.Conversation;

/**
 * Shows the exact text a model receives: pick the kind of prompt, a principle and a sample conversation (built in,
 * or edited here). Works on the editor's content, so unsaved edits can be previewed before saving.
 */
final class PreviewDialog extends Dialog {

    private final ConstitutionContent content;
    private final Select<PromptKind> kind = new Select<>();
    private final ComboBox<String> principle = new ComboBox<>("Principle");
    private final Select<PromptSample> sample = new Select<>();
    private final TextArea context = new TextArea("Conversation before the response");
    private final TextArea response = new TextArea("Response (critiqued; option A)");
    private final TextArea other = new TextArea("Other response (option B)");
    private final Pre prompt = new Pre();
    private final Span error = new Span();

    PreviewDialog(ConstitutionContent content, String title) {
        this.content = content;
        setHeaderTitle("Prompt preview: " + title);
        setWidth("min(72rem, 96vw)");
        kind.setLabel("Prompt");
        kind.setItems(PromptKind.values());
        kind.setItemLabelGenerator(PromptKind::label);
        sample.setLabel("Sample conversation");
        sample.setItems(PromptSample.BUILT_IN);
        sample.setItemLabelGenerator(PromptSample::title);
        principle.setId("preview-principle");
        prompt.setId("preview-prompt");
        prompt.addClassName("cailab-pre");
        error.addClassName("cailab-error");
        kind.addValueChangeListener(e -> principles());
        sample.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                context.setValue(e.getValue().context().renderTyped());
                response.setValue(e.getValue().response());
                other.setValue(e.getValue().otherResponse());
            }
        });
        principle.addValueChangeListener(e -> render());
        context.addValueChangeListener(e -> render());
        response.addValueChangeListener(e -> render());
        other.addValueChangeListener(e -> render());
        FormLayout form = new FormLayout(kind, principle, sample, context, response, other);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40rem", 3));
        form.setColspan(context, 3);
        add(form, error, prompt);
        getFooter().add(new Button("Close", e -> close()));
        sample.setValue(PromptSample.BUILT_IN.getFirst());
        kind.setValue(PromptKind.CRITIQUE);
    }

    /** Preselects a principle, as when opened from a principle's row. */
    PreviewDialog select(PromptKind promptKind, String key) {
        kind.setValue(promptKind);
        principle.setValue(key);
        return this;
    }

    private void principles() {
        List<String> keys = kind.getValue() != null && kind.getValue().usesSlPrinciple()
                ? content.slPrinciples().stream().map(SlPrinciple::key).toList()
                : content.rlPrinciples().stream().map(RlPrinciple::key).toList();
        principle.setItems(keys);
        principle.setValue(keys.isEmpty() ? null : keys.getFirst());
        render();
    }

    private void render() {
        error.setText("");
        if (kind.getValue() == null || principle.getValue() == null) {
            prompt.setText("");
            return;
        }
        try {
            PromptSample current = new PromptSample(
                    "edited", Conversation.parseTyped(context.getValue()), response.getValue(), other.getValue());
            prompt.setText(PromptPreview.render(content, kind.getValue(), principle.getValue(), current));
        } catch (IllegalArgumentException e) {
            error.setText("Conversation: " + e.getMessage());
            prompt.setText("");
        }
    }
}
