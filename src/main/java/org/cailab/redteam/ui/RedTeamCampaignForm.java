package org.cailab.redteam.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cailab.crowdwork.PoolSnapshot;
import org.cailab.model.ModelSnapshot;
import org.cailab.redteam.RedTeamCampaignSettings;
import org.cailab.redteam.RedTeamException;

/** The fields of a red-team campaign's settings. Every pool member gets the same weight here. */
class RedTeamCampaignForm extends FormLayout {

    private final TextField name = new TextField("Name");
    private final TextArea instructions = new TextArea("Instructions shown to workers");
    private final MultiSelectComboBox<ModelSnapshot> pool = new MultiSelectComboBox<>("Model snapshots (pool)");
    private final IntegerField turnLimit = new IntegerField("Messages per attempt");
    private final IntegerField quota = new IntegerField("Quota per worker (empty: none)");
    private final Checkbox askTaskHarm = new Checkbox("Also ask how harmful the task was (optional for workers)");
    private final TextField completionCode = new TextField("Completion code");
    private final Checkbox open = new Checkbox("Open now: workers can start at once");
    private final Map<Long, ModelSnapshot> snapshotsById;

    RedTeamCampaignForm(List<ModelSnapshot> snapshots) {
        snapshotsById =
                snapshots.stream().collect(Collectors.toMap(ModelSnapshot::id, Function.identity(), (a, b) -> a));
        name.setId("campaign-name");
        instructions.setId("campaign-instructions");
        instructions.setMaxHeight("14em");
        pool.setId("campaign-pool");
        pool.setItems(snapshots);
        pool.setItemLabelGenerator(s -> s.name() + " (" + s.kind() + ")");
        turnLimit.setMin(1);
        turnLimit.setMax(50);
        turnLimit.setStepButtonsVisible(true);
        quota.setId("campaign-quota");
        quota.setMin(1);
        completionCode.setId("campaign-completion-code");
        open.setId("campaign-open");
        add(name, instructions, pool, turnLimit, quota, completionCode, askTaskHarm, open);
        setColspan(instructions, 2);
        setColspan(pool, 2);
    }

    /** What a new campaign starts with: open at once (workers otherwise see nothing). */
    void newCampaignDefaults() {
        open.setValue(true);
    }

    void read(RedTeamCampaignSettings s) {
        name.setValue(s.name());
        instructions.setValue(s.instructions());
        pool.setValue(s.pool().stream()
                .map(p -> snapshotsById.get(p.snapshotId()))
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        turnLimit.setValue(s.turnLimit());
        quota.setValue(s.quotaPerWorker());
        askTaskHarm.setValue(s.askTaskHarm());
        completionCode.setValue(s.completionCode());
        open.setValue(s.open());
    }

    /** The settings as entered; the service checks them further. */
    RedTeamCampaignSettings write() {
        if (turnLimit.getValue() == null) {
            throw new RedTeamException("Enter how many messages an attempt may have.");
        }
        List<PoolSnapshot> members = pool.getValue().stream()
                .map(s -> new PoolSnapshot(s.id(), s.name(), 1))
                .toList();
        return new RedTeamCampaignSettings(
                name.getValue(),
                instructions.getValue(),
                members,
                turnLimit.getValue(),
                quota.getValue(),
                askTaskHarm.getValue(),
                open.getValue(),
                completionCode.getValue());
    }
}
