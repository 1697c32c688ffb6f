package org.cailab.pipeline.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.cailab.constitution.ConstitutionChoice;
import org.cailab.constitution.ConstitutionVersionInfo;
import org.cailab.model.ModelSnapshot;
import org.cailab.pipeline.PromptSelection;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunInput;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunTypeInfo;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetId;
import org.jspecify.annotations.Nullable;

/**
 * The form that starts a run: type and name, the prompt set (all of it, the first N or a seeded sample of N), the
 * constitution version and a snapshot per model role when the type uses them, the type's own parameters with the
 * control that fits each, and (folded away) sampling and execution.
 */
class StartRunForm extends VerticalLayout {

    private final RunService runs;
    private final References references;
    private final Consumer<Run> onStarted;
    private final Select<RunTypeInfo> type = new Select<>();
    private final TextField name = new TextField("Run name");
    private final ComboBox<PromptSet> promptSet;
    private final Select<PromptSelection.Mode> selection = new Select<>();
    private final IntegerField selectionCount = new IntegerField("Number of prompts");
    private final ComboBox<ConstitutionVersionInfo> constitution;
    private final List<ComboBox<ModelSnapshot>> modelPickers = new ArrayList<>();
    private final NumberField temperature = new NumberField("Temperature");
    private final NumberField topP = new NumberField("Top-p");
    private final IntegerField maxNewTokens = new IntegerField("Max new tokens");
    private final TextField seed = new TextField("Seed");
    private final IntegerField workers = new IntegerField("Workers");
    private final IntegerField attempts = new IntegerField("Attempts per item");
    private final IntegerField retryDelay = new IntegerField("Retry delay (s)");
    private final HorizontalLayout inputRow = row();
    private final HorizontalLayout modelRow = row();
    private final HorizontalLayout parameterRow = row();
    private final Map<String, ParameterField> parameterFields = new LinkedHashMap<>();
    private final Span error = new Span();

    StartRunForm(RunService runs, References references, Consumer<Run> onStarted) {
        this.runs = runs;
        this.references = references;
        this.onStarted = onStarted;
        setPadding(false);
        type.setLabel("Run type");
        type.setId("run-type");
        type.setItemLabelGenerator(RunTypeInfo::label);
        name.setId("run-name");
        name.setMaxLength(RunConfig.MAX_NAME_LENGTH);
        name.setHelperText("Empty: named after the type and prompt set");
        promptSet = references.promptSetPicker("Prompt set");
        promptSet.setId("run-prompt-set");
        selection.setLabel("Prompts");
        selection.setId("run-prompt-selection");
        selection.setItems(PromptSelection.Mode.values());
        selection.setItemLabelGenerator(PromptSelection.Mode::label);
        selection.setValue(PromptSelection.Mode.ALL);
        selection.addValueChangeListener(
                e -> selectionCount.setVisible(selection.isVisible() && e.getValue() != PromptSelection.Mode.ALL));
        selectionCount.setId("run-prompt-count");
        selectionCount.setMin(1);
        selectionCount.setValue(20);
        selectionCount.setStepButtonsVisible(true);
        selectionCount.setHelperText("A sample is drawn with the run's seed");
        selectionCount.setVisible(false);
        constitution = references.constitutionPicker();
        constitution.setId("run-constitution");
        constitution.setHelperText("The principles and few-shot examples the run uses");
        configureAdvanced();

        error.setId("start-run-error");
        error.addClassName("cailab-error");
        Button start = new Button("Start run", e -> confirmAndStart());
        start.setId("start-run");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        inputRow.setId("run-inputs");
        inputRow.add(promptSet, selection, selectionCount, constitution);
        modelRow.setId("run-models");
        parameterRow.setId("run-parameters");
        HorizontalLayout samplingRow = row(temperature, topP, maxNewTokens, seed);
        HorizontalLayout executionRow = row(workers, attempts, retryDelay);
        Details advanced = new Details("Sampling and execution", new VerticalLayout(samplingRow, executionRow));
        add(row(type, name, start, error), inputRow, modelRow, parameterRow, advanced);

        List<RunTypeInfo> types = runs.types();
        type.setItems(types);
        type.addValueChangeListener(e -> typeChanged(e.getValue()));
        if (types.isEmpty()) {
            typeChanged(null);
        } else {
            type.setValue(types.getFirst());
        }
    }

    private void configureAdvanced() {
        temperature.setMin(0);
        temperature.setMax(5);
        temperature.setStep(0.1);
        temperature.setHelperText("0 samples greedily");
        topP.setMin(0.01);
        topP.setMax(1);
        topP.setStep(0.05);
        topP.setHelperText("Nucleus sampling mass");
        maxNewTokens.setMin(1);
        maxNewTokens.setMax(32_768);
        maxNewTokens.setHelperText("Tokens generated at most per sample");
        seed.setHelperText("Per-item seeds derive from it: the same seed repeats the run");
        workers.setMin(1);
        workers.setMax(32);
        workers.setHelperText("Items processed at once, over all instances");
        attempts.setMin(1);
        attempts.setMax(20);
        retryDelay.setMin(0);
        retryDelay.setMax(3600);
    }

    private static HorizontalLayout row(Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setWrap(true);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    /**
     * Shows the inputs and parameters of the chosen type, with its defaults. The prompt set and constitution pickers
     * stay in place (shown or hidden) so that a choice made in them survives a change of type.
     */
    private void typeChanged(@Nullable RunTypeInfo runType) {
        modelRow.removeAll();
        parameterRow.removeAll();
        parameterFields.clear();
        modelPickers.clear();
        boolean needsPromptSet = runType != null && runType.reads(RunInput.PROMPT_SET);
        promptSet.setVisible(needsPromptSet);
        selection.setVisible(needsPromptSet);
        selectionCount.setVisible(needsPromptSet && selection.getValue() != PromptSelection.Mode.ALL);
        constitution.setVisible(runType != null && runType.reads(RunInput.CONSTITUTION_VERSION));
        if (runType != null) {
            for (int i = 0; i < runType.modelRoles().size(); i++) {
                ComboBox<ModelSnapshot> picker =
                        references.snapshotPicker(runType.modelRoles().get(i), List.of());
                picker.setId("run-model-" + i);
                modelPickers.add(picker);
                modelRow.add(picker);
            }
            runType.parameters().forEach(p -> {
                ParameterField field = ParameterField.of(p, references);
                parameterFields.put(p.key(), field);
                parameterRow.add(field.component());
            });
        }
        inputRow.setVisible(needsPromptSet || constitution.isVisible());
        modelRow.setVisible(!modelPickers.isEmpty());
        parameterRow.setVisible(!parameterFields.isEmpty());
        resetAdvanced();
    }

    private void resetAdvanced() {
        RunTypeInfo runType = type.getValue();
        RunConfig.Execution execution = runType == null ? RunConfig.Execution.DEFAULT : runType.defaultExecution();
        temperature.setValue(RunConfig.Sampling.DEFAULT.temperature());
        topP.setValue(RunConfig.Sampling.DEFAULT.topP());
        maxNewTokens.setValue(RunConfig.Sampling.DEFAULT.maxNewTokens());
        seed.setValue(Long.toString(ThreadLocalRandom.current().nextLong(1, 1L << 31)));
        workers.setValue(execution.workers());
        attempts.setValue(execution.maxAttempts());
        retryDelay.setValue(execution.retryDelaySeconds());
        parameterFields.values().forEach(ParameterField::reset);
    }

    private Map<String, String> parameters() {
        Map<String, String> values = new LinkedHashMap<>();
        parameterFields.forEach((key, field) -> {
            if (!field.value().isEmpty()) {
                values.put(key, field.value());
            }
        });
        return values;
    }

    /** Asks first when a run of the same name exists; two runs of one name are allowed, but rarely meant. */
    private void confirmAndStart() {
        try {
            RunConfig config = config();
            if (!runs.nameInUse(config.name())) {
                start(config);
                return;
            }
            ConfirmDialog dialog = new ConfirmDialog(
                    "A run with this name exists",
                    "There is already a run named \"" + config.name() + "\". Start another one with the same name?",
                    "Start anyway",
                    e -> start(config));
            dialog.setCancelable(true);
            dialog.setId("duplicate-run-name");
            dialog.open();
        } catch (RunException | IllegalArgumentException e) {
            error.setText(e.getMessage());
        }
    }

    private void start(RunConfig config) {
        try {
            Run run = runs.start(config);
            error.setText("");
            name.clear();
            resetAdvanced();
            onStarted.accept(run);
        } catch (RunException | IllegalArgumentException e) {
            error.setText(e.getMessage());
        }
    }

    private RunConfig config() {
        RunTypeInfo runType = type.getValue();
        if (runType == null) {
            throw new RunException("Choose a run type.");
        }
        PromptSet set = runType.reads(RunInput.PROMPT_SET) ? promptSet.getValue() : null;
        if (runType.reads(RunInput.PROMPT_SET) && set == null) {
            throw new RunException("Choose a prompt set.");
        }
        List<String> snapshots = new ArrayList<>();
        for (int i = 0; i < modelPickers.size(); i++) {
            ModelSnapshot chosen = modelPickers.get(i).getValue();
            if (chosen == null) {
                throw new RunException(
                        "Choose the " + runType.modelRoles().get(i).toLowerCase(java.util.Locale.ROOT) + ".");
            }
            snapshots.add(String.valueOf(chosen.id()));
        }
        boolean usesConstitution = runType.reads(RunInput.CONSTITUTION_VERSION);
        ConstitutionVersionInfo version = usesConstitution ? constitution.getValue() : null;
        if (usesConstitution && version == null) {
            throw new RunException("Choose a constitution version.");
        }
        String runName = name.isEmpty() ? runType.label() + (set == null ? "" : " of " + set.name()) : name.getValue();
        RunConfig config = new RunConfig(
                runType.type(),
                runName,
                set == null ? null : PromptSetId.of(set.id()),
                version == null ? null : ConstitutionChoice.of(version.id()),
                snapshots,
                new RunConfig.Sampling(
                        value(temperature.getValue(), "Temperature"),
                        value(topP.getValue(), "Top-p"),
                        value(maxNewTokens.getValue(), "Max new tokens")),
                parseSeed(seed.getValue()),
                new RunConfig.Execution(
                        value(workers.getValue(), "Workers"),
                        value(attempts.getValue(), "Attempts"),
                        value(retryDelay.getValue(), "Retry delay")),
                parameters());
        if (set != null) {
            PromptSelection.Mode mode = selection.getValue() == null ? PromptSelection.Mode.ALL : selection.getValue();
            int count = mode == PromptSelection.Mode.ALL ? 0 : value(selectionCount.getValue(), "Number of prompts");
            config = new PromptSelection(mode, count).writeTo(config);
        }
        return config;
    }

    private static <T> T value(@Nullable T value, String field) {
        if (value == null) {
            throw new RunException(field + " is missing.");
        }
        return value;
    }

    private static long parseSeed(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new RunException("The seed must be a whole number.");
        }
    }
}
