package org.cailab.comparison.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.function.Consumer;
import org.cailab.comparison.Campaign;
import org.cailab.comparison.CampaignService;
import org.cailab.comparison.CampaignSettings;
import org.cailab.comparison.ComparisonTask;
import org.cailab.crowdwork.CampaignException;
import org.jspecify.annotations.Nullable;

/** Creates a campaign, or edits one (refused when someone else saved it meanwhile). */
class CampaignDialog extends Dialog {

    CampaignDialog(CampaignService campaigns, @Nullable Campaign existing, Consumer<Campaign> onSaved) {
        setHeaderTitle(existing == null ? "New campaign" : "Edit " + existing.name());
        setWidth("52em");
        CampaignForm form = new CampaignForm(campaigns.snapshots());
        form.read(
                existing != null
                        ? existing.settings()
                        : CampaignSettings.defaults("", ComparisonTask.HELPFULNESS, List.of()));
        if (existing == null) {
            form.newCampaignDefaults();
        }
        Span error = new Span();
        error.addClassName("cailab-error");
        error.setId("campaign-error");
        add(form, error);
        Button save = new Button(existing == null ? "Create campaign" : "Save", e -> {
            try {
                CampaignSettings settings = form.write();
                Campaign saved = existing == null ? campaigns.create(settings) : campaigns.update(existing, settings);
                close();
                onSaved.accept(saved);
            } catch (CampaignException ex) {
                error.setText(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-campaign");
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
