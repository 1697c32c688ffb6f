package org.cailab.crowdwork.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import java.util.function.Consumer;
import java.util.function.Function;
import org.cailab.crowdwork.CampaignException;

/**
 * Creates a campaign or edits one, for any task type: its settings form, the service's refusal under the form
 * (for example when someone else saved the campaign meanwhile), "Create campaign" or "Save".
 *
 * @param <S> the task type's settings
 * @param <C> the task type's stored campaign
 */
public class CampaignSettingsDialog<S, C> extends Dialog {

    /** A task type's settings form. */
    public interface Form<S> {

        Component component();

        void read(S settings);

        /** What a new campaign starts with, beyond the settings' defaults (open at once, ...). */
        void newCampaignDefaults();

        /** The settings as entered; the service checks them further. */
        S write();
    }

    /**
     * @param title    "New ..." or "Edit ..."
     * @param creating whether this creates a campaign (else it edits {@code initial}'s campaign)
     * @param save     creates or updates the campaign through the task type's service
     */
    public CampaignSettingsDialog(
            String title,
            String width,
            Form<S> form,
            S initial,
            boolean creating,
            Function<S, C> save,
            Consumer<C> onSaved) {
        setHeaderTitle(title);
        setWidth(width);
        form.read(initial);
        if (creating) {
            form.newCampaignDefaults();
        }
        Span error = new Span();
        error.addClassName("cailab-error");
        error.setId("campaign-error");
        add(form.component(), error);
        Button saveButton = new Button(creating ? "Create campaign" : "Save", e -> {
            try {
                C saved = save.apply(form.write());
                close();
                onSaved.accept(saved);
            } catch (CampaignException ex) {
                error.setText(ex.getMessage());
            }
        });
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveButton.setId("save-campaign");
        getFooter().add(new Button("Cancel", e -> close()), saveButton);
    }
}
