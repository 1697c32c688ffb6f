package org.cailab.redteam.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import java.util.List;
import org.cailab.crowdwork.ui.CampaignFields;
import org.cailab.crowdwork.ui.CampaignSettingsDialog;
import org.cailab.model.ModelSnapshot;
import org.cailab.redteam.RedTeamCampaignSettings;

/** The fields of a red-team campaign's settings. Every pool member gets the same weight here. */
class RedTeamCampaignForm extends FormLayout implements CampaignSettingsDialog.Form<RedTeamCampaignSettings> {

    private final CampaignFields basics;
    private final Checkbox askTaskHarm = new Checkbox("Also ask how harmful the task was (optional for workers)");

    RedTeamCampaignForm(List<ModelSnapshot> snapshots) {
        basics = new CampaignFields(snapshots, "Messages per attempt", "Enter how many messages an attempt may have.");
        add(
                basics.name(),
                basics.instructions(),
                basics.pool(),
                basics.turnLimit(),
                basics.quota(),
                basics.completionCode(),
                askTaskHarm,
                basics.open());
        setColspan(basics.instructions(), 2);
        setColspan(basics.pool(), 2);
    }

    @Override
    public Component component() {
        return this;
    }

    /** What a new campaign starts with: open at once (workers otherwise see nothing). */
    @Override
    public void newCampaignDefaults() {
        basics.open().setValue(true);
    }

    @Override
    public void read(RedTeamCampaignSettings s) {
        basics.read(s.basics());
        askTaskHarm.setValue(s.askTaskHarm());
    }

    @Override
    public RedTeamCampaignSettings write() {
        return new RedTeamCampaignSettings(basics.write(s -> 1), askTaskHarm.getValue());
    }
}
