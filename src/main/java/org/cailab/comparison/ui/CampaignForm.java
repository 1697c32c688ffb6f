package org.cailab.comparison.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cailab.comparison.CampaignSettings;
import org.cailab.comparison.ComparisonTask;
import org.cailab.comparison.PairDrawing;
import org.cailab.crowdwork.CampaignBasics;
import org.cailab.crowdwork.PoolSnapshot;
import org.cailab.crowdwork.ui.CampaignFields;
import org.cailab.crowdwork.ui.CampaignSettingsDialog;
import org.cailab.model.ModelSnapshot;

/** The fields of a campaign's settings. Weighted drawing gives the favoured snapshots one weight, the rest 1. */
class CampaignForm extends FormLayout implements CampaignSettingsDialog.Form<CampaignSettings> {

    private final CampaignFields basics;
    private final Select<ComparisonTask> task = new Select<>();
    private final RadioButtonGroup<PairDrawing> drawing = new RadioButtonGroup<>("How pairs are drawn");
    private final MultiSelectComboBox<ModelSnapshot> favoured = new MultiSelectComboBox<>("Favoured snapshots");
    private final NumberField favourWeight = new NumberField("Weight of favoured snapshots");
    private final Checkbox allowTie = new Checkbox("Allow \"tie\"");
    private final Checkbox allowBothBad = new Checkbox("Allow \"both bad\"");
    private final IntegerField strengthLevels = new IntegerField("Preference strength levels (empty: none)");
    private final NumberField goldRate = new NumberField("Gold checks (% of new conversations)");

    CampaignForm(List<ModelSnapshot> snapshots) {
        basics = new CampaignFields(snapshots, "Turn limit per conversation", "Enter a turn limit.");
        var instructions = basics.instructions();
        task.setLabel("Task");
        task.setId("campaign-task");
        task.setItems(ComparisonTask.values());
        task.setItemLabelGenerator(ComparisonTask::label);
        task.addValueChangeListener(e -> {
            String text = instructions.getValue();
            if (e.getOldValue() == null
                    || text.isBlank()
                    || text.equals(e.getOldValue().defaultInstructions())) {
                instructions.setValue(e.getValue().defaultInstructions());
            }
        });
        basics.snapshotBox(favoured);
        drawing.setItems(PairDrawing.values());
        drawing.setItemLabelGenerator(
                d -> d == PairDrawing.UNIFORM ? "Uniform over pairs" : "Weighted toward favoured");
        drawing.addValueChangeListener(e -> {
            favoured.setVisible(e.getValue() == PairDrawing.WEIGHTED);
            favourWeight.setVisible(e.getValue() == PairDrawing.WEIGHTED);
        });
        favourWeight.setMin(1);
        strengthLevels.setMin(2);
        strengthLevels.setMax(9);
        goldRate.setMin(0);
        goldRate.setMax(100);
        add(
                basics.name(),
                task,
                instructions,
                basics.pool(),
                drawing,
                favoured,
                favourWeight,
                basics.turnLimit(),
                strengthLevels,
                basics.quota(),
                goldRate,
                basics.completionCode(),
                allowTie,
                allowBothBad,
                basics.open());
        setColspan(instructions, 2);
        setColspan(basics.pool(), 2);
    }

    @Override
    public Component component() {
        return this;
    }

    @Override
    public void read(CampaignSettings s) {
        // the task first: its change listener fills in default instructions, which the campaign's then replace
        task.setValue(s.task());
        basics.read(s.basics());
        drawing.setValue(s.pairDrawing());
        favoured.setValue(basics.snapshots(s.pool().stream()
                .filter(p -> p.weight() > 1)
                .map(PoolSnapshot::snapshotId)
                .toList()));
        favourWeight.setValue(
                s.pool().stream().mapToDouble(PoolSnapshot::weight).max().orElse(1) > 1
                        ? s.pool().stream()
                                .mapToDouble(PoolSnapshot::weight)
                                .max()
                                .orElse(3)
                        : 3.0);
        allowTie.setValue(s.allowTie());
        allowBothBad.setValue(s.allowBothBad());
        strengthLevels.setValue(s.strengthLevels());
        goldRate.setValue(s.goldRate() * 100);
    }

    /** What a new campaign starts with: open at once (workers otherwise see nothing), "both bad" allowed. */
    @Override
    public void newCampaignDefaults() {
        basics.open().setValue(true);
        allowBothBad.setValue(true);
    }

    @Override
    public CampaignSettings write() {
        boolean weighted = drawing.getValue() == PairDrawing.WEIGHTED;
        double weight = favourWeight.getValue() == null ? 1 : favourWeight.getValue();
        Set<ModelSnapshot> favourites = favoured.getValue();
        CampaignBasics entered = basics.write(s -> weighted && favourites.contains(s) ? weight : 1);
        double rate = goldRate.getValue() == null ? 0 : goldRate.getValue() / 100;
        return new CampaignSettings(
                entered,
                new CampaignSettings.Rules(
                        Objects.requireNonNullElse(task.getValue(), ComparisonTask.HELPFULNESS),
                        Objects.requireNonNullElse(drawing.getValue(), PairDrawing.UNIFORM),
                        allowTie.getValue(),
                        allowBothBad.getValue(),
                        strengthLevels.getValue(),
                        rate));
    }
}
