package org.cailab.pipeline.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.cailab.constitution.ConstitutionService;
import org.cailab.constitution.ConstitutionVersionInfo;
import org.cailab.model.ModelService;
import org.cailab.model.ModelSnapshot;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunSummary;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetService;

/**
 * The pickers of the start form: snapshots, prompt sets, constitution versions and earlier runs listed by name with
 * what tells them apart (kind, step, date), so that nobody types an id.
 */
final class References {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ModelService models;
    private final PromptSetService promptSets;
    private final ConstitutionService constitutions;
    private final RunService runs;

    References(ModelService models, PromptSetService promptSets, ConstitutionService constitutions, RunService runs) {
        this.models = models;
        this.promptSets = promptSets;
        this.constitutions = constitutions;
        this.runs = runs;
    }

    /** Snapshots, those of {@code preferredKinds} first (by kind name), newest first within each group. */
    ComboBox<ModelSnapshot> snapshotPicker(String label, List<String> preferredKinds) {
        ComboBox<ModelSnapshot> box = new ComboBox<>(label);
        box.setItemLabelGenerator(References::snapshotLabel);
        List<ModelSnapshot> all = models.snapshots();
        box.setItems(all.stream()
                .sorted(Comparator.comparing((ModelSnapshot s) -> preferredKinds.isEmpty()
                                || preferredKinds.contains(s.kind().name())
                        ? 0
                        : 1))
                .toList());
        box.setWidth("22em");
        return box;
    }

    static String snapshotLabel(ModelSnapshot s) {
        return s.name() + " (" + s.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')
                + (s.step() == null ? "" : ", step " + s.step()) + ", " + DATE.format(s.createdAt()) + ")";
    }

    ComboBox<PromptSet> promptSetPicker(String label) {
        ComboBox<PromptSet> box = new ComboBox<>(label);
        box.setItemLabelGenerator(s -> s.name() + " ("
                + s.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + ", " + s.promptCount() + " prompts)");
        box.setItems(promptSets.findAll());
        box.setWidth("22em");
        return box;
    }

    /** Every version of every constitution, the active ones first; the active version of "default" preselected. */
    ComboBox<ConstitutionVersionInfo> constitutionPicker() {
        ComboBox<ConstitutionVersionInfo> box = new ComboBox<>("Constitution version");
        box.setItemLabelGenerator(v -> v.constitutionName() + " v" + v.number() + (v.active() ? " (active)" : "") + ", "
                + DATE.format(v.createdAt()));
        List<ConstitutionVersionInfo> versions = constitutions.constitutions().stream()
                .flatMap(c -> constitutions.versions(c.id()).stream())
                .sorted(Comparator.comparing((ConstitutionVersionInfo v) -> v.active() ? 0 : 1)
                        .thenComparing(ConstitutionVersionInfo::constitutionName)
                        .thenComparing(ConstitutionVersionInfo::number, Comparator.reverseOrder()))
                .toList();
        box.setItems(versions);
        versions.stream()
                .filter(v -> v.active() && v.constitutionName().equals("default"))
                .findFirst()
                .or(() -> versions.stream()
                        .filter(ConstitutionVersionInfo::active)
                        .findFirst())
                .ifPresent(box::setValue);
        box.setWidth("22em");
        return box;
    }

    /** Several earlier runs of one type, newest first. */
    com.vaadin.flow.component.combobox.MultiSelectComboBox<RunSummary> runsPicker(String label, String runType) {
        com.vaadin.flow.component.combobox.MultiSelectComboBox<RunSummary> box =
                new com.vaadin.flow.component.combobox.MultiSelectComboBox<>(label);
        box.setItemLabelGenerator(References::runLabel);
        box.setItems(runs.findRecent(500).stream()
                .filter(s -> s.run().type().equals(runType))
                .toList());
        box.setWidth("22em");
        return box;
    }

    static String runLabel(RunSummary s) {
        return s.run().name() + " (#" + s.run().id() + ", "
                + s.run().state().name().toLowerCase(Locale.ROOT) + ", "
                + DATE.format(s.run().createdAt()) + ")";
    }

    /** Earlier runs of one type, newest first. */
    ComboBox<RunSummary> runPicker(String label, String runType) {
        ComboBox<RunSummary> box = new ComboBox<>(label);
        box.setItemLabelGenerator(s -> s.run().name() + " (#" + s.run().id() + ", "
                + s.run().state().name().toLowerCase(Locale.ROOT) + ", "
                + DATE.format(s.run().createdAt()) + ")");
        box.setItems(runs.findRecent(500).stream()
                .filter(s -> s.run().type().equals(runType))
                .toList());
        box.setWidth("22em");
        return box;
    }
}
