package org.cailab.crowdwork.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.cailab.crowdwork.CampaignBasics;
import org.cailab.crowdwork.CampaignException;
import org.cailab.crowdwork.PoolSnapshot;
import org.cailab.model.ModelSnapshot;

/**
 * The fields of {@link CampaignBasics}, with their ids and bounds, for a task type's settings form, which places
 * them among its own fields in its own order.
 */
public final class CampaignFields {

    private final TextField name = new TextField("Name");
    private final TextArea instructions = new TextArea("Instructions shown to workers");
    private final MultiSelectComboBox<ModelSnapshot> pool = new MultiSelectComboBox<>("Model snapshots (pool)");
    private final IntegerField turnLimit;
    private final IntegerField quota = new IntegerField("Quota per worker (empty: none)");
    private final TextField completionCode = new TextField("Completion code");
    private final Checkbox open = new Checkbox("Open now: workers can start at once");
    private final List<ModelSnapshot> snapshots;
    private final Map<Long, ModelSnapshot> snapshotsById;
    private final String noTurnLimit;

    /**
     * @param turnLimitLabel what the turn limit counts, as the form shows it
     * @param noTurnLimit    the message when the turn limit is left empty
     */
    public CampaignFields(List<ModelSnapshot> snapshots, String turnLimitLabel, String noTurnLimit) {
        this.noTurnLimit = noTurnLimit;
        this.snapshots = List.copyOf(snapshots);
        snapshotsById =
                snapshots.stream().collect(Collectors.toMap(ModelSnapshot::id, Function.identity(), (a, b) -> a));
        name.setId("campaign-name");
        instructions.setId("campaign-instructions");
        instructions.setMaxHeight("14em");
        pool.setId("campaign-pool");
        snapshotBox(pool);
        turnLimit = new IntegerField(turnLimitLabel);
        turnLimit.setMin(1);
        turnLimit.setMax(50);
        turnLimit.setStepButtonsVisible(true);
        quota.setId("campaign-quota");
        quota.setMin(1);
        completionCode.setId("campaign-completion-code");
        open.setId("campaign-open");
    }

    /** Lists the registered snapshots by name and kind, as the pool does (for a task type's own snapshot choice). */
    public void snapshotBox(MultiSelectComboBox<ModelSnapshot> box) {
        box.setItems(snapshots);
        box.setItemLabelGenerator(s -> s.name() + " (" + s.kind() + ")");
    }

    public void read(CampaignBasics b) {
        name.setValue(b.name());
        instructions.setValue(b.instructions());
        pool.setValue(snapshots(b.pool().stream().map(PoolSnapshot::snapshotId).toList()));
        turnLimit.setValue(b.turnLimit());
        quota.setValue(b.quotaPerWorker());
        completionCode.setValue(b.completionCode());
        open.setValue(b.open());
    }

    /**
     * The basics as entered; the service checks them further.
     *
     * @param weight each chosen snapshot's weight in the pool
     */
    public CampaignBasics write(ToDoubleFunction<ModelSnapshot> weight) {
        List<PoolSnapshot> members = pool.getValue().stream()
                .map(s -> new PoolSnapshot(s.id(), s.name(), weight.applyAsDouble(s)))
                .toList();
        if (turnLimit.getValue() == null) {
            throw new CampaignException(noTurnLimit);
        }
        return new CampaignBasics(
                name.getValue(),
                instructions.getValue(),
                members,
                turnLimit.getValue(),
                quota.getValue(),
                open.getValue(),
                completionCode.getValue());
    }

    /** The registered snapshots among {@code ids}. */
    public Set<ModelSnapshot> snapshots(Collection<Long> ids) {
        return ids.stream().map(snapshotsById::get).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    public TextField name() {
        return name;
    }

    public TextArea instructions() {
        return instructions;
    }

    public MultiSelectComboBox<ModelSnapshot> pool() {
        return pool;
    }

    public IntegerField turnLimit() {
        return turnLimit;
    }

    public IntegerField quota() {
        return quota;
    }

    public TextField completionCode() {
        return completionCode;
    }

    public Checkbox open() {
        return open;
    }
}
