package org.cailab.comparison.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cailab.comparison.CampaignSettings;
import org.cailab.comparison.ComparisonException;
import org.cailab.comparison.ComparisonTask;
import org.cailab.comparison.PairDrawing;
import org.cailab.crowdwork.PoolSnapshot;
import org.cailab.model.ModelSnapshot;

/** The fields of a campaign's settings. Weighted drawing gives the favoured snapshots one weight, the rest 1. */
class CampaignForm extends FormLayout {

    private final TextField name = new TextField("Name");
    private final Select<ComparisonTask> task = new Select<>();
    private final TextArea instructions = new TextArea("Instructions shown to workers");
    private final MultiSelectComboBox<ModelSnapshot> pool = new MultiSelectComboBox<>("Model snapshots (pool)");
    private final RadioButtonGroup<PairDrawing> drawing = new RadioButtonGroup<>("How pairs are drawn");
    private final MultiSelectComboBox<ModelSnapshot> favoured = new MultiSelectComboBox<>("Favoured snapshots");
    private final NumberField favourWeight = new NumberField("Weight of favoured snapshots");
    private final IntegerField turnLimit = new IntegerField("Turn limit per conversation");
    private final Checkbox allowTie = new Checkbox("Allow \"tie\"");
    private final Checkbox allowBothBad = new Checkbox("Allow \"both bad\"");
    private final IntegerField strengthLevels = new IntegerField("Preference strength levels (empty: none)");
    private final IntegerField quota = new IntegerField("Quota per worker (empty: none)");
    private final NumberField goldRate = new NumberField("Gold checks (% of new conversations)");
    private final TextField completionCode = new TextField("Completion code");
    private final Checkbox open = new Checkbox("Open now: workers can start at once");
    private final Map<Long, ModelSnapshot> snapshotsById;

    CampaignForm(List<ModelSnapshot> snapshots) {
        snapshotsById =
                snapshots.stream().collect(Collectors.toMap(ModelSnapshot::id, Function.identity(), (a, b) -> a));
        name.setId("campaign-name");
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
        instructions.setId("campaign-instructions");
        instructions.setMaxHeight("14em");
        for (MultiSelectComboBox<ModelSnapshot> box : List.of(pool, favoured)) {
            box.setItems(snapshots);
            box.setItemLabelGenerator(s -> s.name() + " (" + s.kind() + ")");
        }
        pool.setId("campaign-pool");
        drawing.setItems(PairDrawing.values());
        drawing.setItemLabelGenerator(
                d -> d == PairDrawing.UNIFORM ? "Uniform over pairs" : "Weighted toward favoured");
        drawing.addValueChangeListener(e -> {
            favoured.setVisible(e.getValue() == PairDrawing.WEIGHTED);
            favourWeight.setVisible(e.getValue() == PairDrawing.WEIGHTED);
        });
        favourWeight.setMin(1);
        turnLimit.setMin(1);
        turnLimit.setMax(50);
        turnLimit.setStepButtonsVisible(true);
        strengthLevels.setMin(2);
        strengthLevels.setMax(9);
        quota.setId("campaign-quota");
        quota.setMin(1);
        goldRate.setMin(0);
        goldRate.setMax(100);
        completionCode.setId("campaign-completion-code");
        open.setId("campaign-open");
        add(
                name,
                task,
                instructions,
                pool,
                drawing,
                favoured,
                favourWeight,
                turnLimit,
                strengthLevels,
                quota,
                goldRate,
                completionCode,
                allowTie,
                allowBothBad,
                open);
        setColspan(instructions, 2);
        setColspan(pool, 2);
    }

    void read(CampaignSettings s) {
        name.setValue(s.name());
        task.setValue(s.task());
        instructions.setValue(s.instructions());
        pool.setValue(snapshots(s.pool().stream().map(PoolSnapshot::snapshotId).toList()));
        drawing.setValue(s.pairDrawing());
        favoured.setValue(snapshots(s.pool().stream()
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
        turnLimit.setValue(s.turnLimit());
        allowTie.setValue(s.allowTie());
        allowBothBad.setValue(s.allowBothBad());
        strengthLevels.setValue(s.strengthLevels());
        quota.setValue(s.quotaPerWorker());
        goldRate.setValue(s.goldRate() * 100);
        completionCode.setValue(s.completionCode());
        open.setValue(s.open());
    }

    /** What a new campaign starts with: open at once (workers otherwise see nothing), "both bad" allowed. */
    void newCampaignDefaults() {
        open.setValue(true);
        allowBothBad.setValue(true);
    }

    /** The settings as entered; the service checks them further. */
    CampaignSettings write() {
        boolean weighted = drawing.getValue() == PairDrawing.WEIGHTED;
        double weight = favourWeight.getValue() == null ? 1 : favourWeight.getValue();
        Set<ModelSnapshot> favourites = favoured.getValue();
        List<PoolSnapshot> members = pool.getValue().stream()
                .map(s -> new PoolSnapshot(s.id(), s.name(), weighted && favourites.contains(s) ? weight : 1))
                .toList();
        if (turnLimit.getValue() == null) {
            throw new ComparisonException("Enter a turn limit.");
        }
        double rate = goldRate.getValue() == null ? 0 : goldRate.getValue() / 100;
        return new CampaignSettings(
                name.getValue(),
                Objects.requireNonNullElse(task.getValue(), ComparisonTask.HELPFULNESS),
                instructions.getValue(),
                members,
                Objects.requireNonNullElse(drawing.getValue(), PairDrawing.UNIFORM),
                turnLimit.getValue(),
                allowTie.getValue(),
                allowBothBad.getValue(),
                strengthLevels.getValue(),
                quota.getValue(),
                rate,
                open.getValue(),
                completionCode.getValue());
    }

    private Set<ModelSnapshot> snapshots(List<Long> ids) {
        return ids.stream().map(snapshotsById::get).filter(Objects::nonNull).collect(Collectors.toSet());
    }
}
