package org.cailab.comparison.ui;

import java.util.List;
import java.util.function.Consumer;
import org.cailab.comparison.Campaign;
import org.cailab.comparison.CampaignService;
import org.cailab.comparison.CampaignSettings;
import org.cailab.comparison.ComparisonTask;
import org.cailab.crowdwork.ui.CampaignSettingsDialog;
import org.jspecify.annotations.Nullable;

/** Creates a campaign, or edits one (refused when someone else saved it meanwhile). */
class CampaignDialog extends CampaignSettingsDialog<CampaignSettings, Campaign> {

    CampaignDialog(CampaignService campaigns, @Nullable Campaign existing, Consumer<Campaign> onSaved) {
        super(
                existing == null ? "New campaign" : "Edit " + existing.name(),
                "52em",
                new CampaignForm(campaigns.snapshots()),
                existing != null
                        ? existing.settings()
                        : CampaignSettings.defaults("", ComparisonTask.HELPFULNESS, List.of()),
                existing == null,
                settings -> existing == null ? campaigns.create(settings) : campaigns.update(existing, settings),
                onSaved);
    }
}
