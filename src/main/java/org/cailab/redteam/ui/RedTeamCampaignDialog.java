package org.cailab.redteam.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.function.Consumer;
import org.cailab.redteam.RedTeamCampaign;
import org.cailab.redteam.RedTeamCampaignService;
import org.cailab.redteam.RedTeamCampaignSettings;
import org.jspecify.annotations.Nullable;

/** Creates a red-team campaign or edits one. */
class RedTeamCampaignDialog extends Dialog {

    RedTeamCampaignDialog(
            RedTeamCampaignService campaigns, @Nullable RedTeamCampaign existing, Consumer<RedTeamCampaign> onSaved) {
        setHeaderTitle(existing == null ? "New red-team campaign" : "Edit " + existing.name());
        setWidth("min(56rem, 95vw)");
        RedTeamCampaignForm form = new RedTeamCampaignForm(campaigns.snapshots());
        form.read(existing != null ? existing.settings() : RedTeamCampaignSettings.defaults("", List.of()));
        if (existing == null) {
            form.newCampaignDefaults();
        }
        Span error = new Span();
        error.addClassName("cailab-error");
        error.setId("campaign-error");
        add(form, error);
        Button save = new Button(existing == null ? "Create campaign" : "Save", e -> {
            try {
                RedTeamCampaignSettings settings = form.write();
                RedTeamCampaign saved =
                        existing == null ? campaigns.create(settings) : campaigns.update(existing, settings);
                close();
                onSaved.accept(saved);
            } catch (org.cailab.crowdwork.CampaignException ex) {
                error.setText(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-campaign");
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
