package org.cailab.redteam.ui;

import java.util.List;
import java.util.function.Consumer;
import org.cailab.crowdwork.ui.CampaignSettingsDialog;
import org.cailab.redteam.RedTeamCampaign;
import org.cailab.redteam.RedTeamCampaignService;
import org.cailab.redteam.RedTeamCampaignSettings;
import org.jspecify.annotations.Nullable;

/** Creates a red-team campaign or edits one. */
class RedTeamCampaignDialog extends CampaignSettingsDialog<RedTeamCampaignSettings, RedTeamCampaign> {

    RedTeamCampaignDialog(
            RedTeamCampaignService campaigns, @Nullable RedTeamCampaign existing, Consumer<RedTeamCampaign> onSaved) {
        super(
                existing == null ? "New red-team campaign" : "Edit " + existing.name(),
                "min(56rem, 95vw)",
                new RedTeamCampaignForm(campaigns.snapshots()),
                existing != null ? existing.settings() : RedTeamCampaignSettings.defaults("", List.of()),
                existing == null,
                settings -> existing == null ? campaigns.create(settings) : campaigns.update(existing, settings),
                onSaved);
    }
}
