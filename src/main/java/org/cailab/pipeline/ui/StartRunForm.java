package org.cailab.pipeline.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunParameter;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunTypeInfo;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetService;
import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The form that starts a run: type, name, prompt set, the type's own parameters, and (folded away) models, sampling
 * and execution.
 */
class StartRunForm extends VerticalLayout {

    private final RunService runs;
    private final Consumer<Run> onStarted;
    private final Select<RunTypeInfo> type = new Select<>();
    private final TextField name = new TextField("Run name");
    private final Select<PromptSet> promptSet = new Select<>();
    private final TextField constitution = new TextField("Constitution version");
    private final TextField models = new TextField("Model snapshots (comma-separated)");
    private final NumberField temperature = new NumberField("Temperature");
    private final NumberField topP = new NumberField("Top-p");
    private final IntegerField maxNewTokens = new IntegerField("Max new tokens");
    private final TextField seed = new TextField("Seed");
    private final IntegerField workers = new IntegerField("Workers");
    private final IntegerField attempts = new IntegerField("Attempts per item");
    private final IntegerField retryDelay = new IntegerField("Retry delay (s)");
    private final HorizontalLayout parameterRow = row();
    private final Map<String, TextField> parameterFields = new LinkedHashMap<>();
    private final Span error = new Span();

    StartRunForm(RunService runs, PromptSetService promptSets, Consumer<Run> onStarted) {
        this.runs = runs;
        this.onStarted = onStarted;
        setPadding(false);
        type.setLabel("Run type");
        type.setId("run-type");
        type.setItemLabelGenerator(RunTypeInfo::label);
        List<RunTypeInfo> types = runs.types();
        type.setItems(types);
        type.addValueChangeListener(e -> typeChanged(e.getValue()));
        name.setId("run-name");
        name.setMaxLength(RunConfig.MAX_NAME_LENGTH);
        promptSet.setLabel("Prompt set");
        promptSet.setId("run-prompt-set");
        promptSet.setItemLabelGenerator(s -> s.name() + " (" + s.promptCount() + " prompts)");
        promptSet.setItems(promptSets.findAll());
        if (types.isEmpty()) {
            typeChanged(null);
        } else {
            type.setValue(types.getFirst());
        }

        error.setId("start-run-error");
        error.addClassName("cailab-error");
        Button start = new Button("Start run", e -> start());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        HorizontalLayout main = row(type, name, promptSet, start, error);
        parameterRow.setId("run-parameters");
        HorizontalLayout modelRow = row(constitution, models);
        HorizontalLayout samplingRow = row(temperature, topP, maxNewTokens, seed);
        HorizontalLayout executionRow = row(workers, attempts, retryDelay);
        Details advanced = new Details("Models, sampling and execution", new VerticalLayout(modelRow, samplingRow, executionRow));
        add(main, parameterRow, advanced);
    }

    private static HorizontalLayout row(com.vaadin.flow.component.Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setWrap(true);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    /** Shows the prompt set and the parameters of the chosen type, with its defaults. */
    private void typeChanged(@Nullable RunTypeInfo runType) {
        promptSet.setVisible(runType != null && runType.needsPromptSet());
        parameterRow.removeAll();
        parameterFields.clear();
        if (runType != null) {
            for (RunParameter parameter : runType.parameters()) {
                TextField field = new TextField(parameter.label());
                field.setId("run-param-" + parameter.key());
                field.setHelperText(parameter.description());
                parameterFields.put(parameter.key(), field);
                parameterRow.add(field);
            }
        }
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
        if (runType != null) {
            runType.parameters().forEach(p -> parameterFields.get(p.key()).setValue(p.defaultValue()));
        }
    }

    private Map<String, String> parameters() {
        Map<String, String> values = new LinkedHashMap<>();
        parameterFields.forEach((key, field) -> {
            if (!field.getValue().isBlank()) {
                values.put(key, field.getValue().strip());
            }
        });
        return values;
    }

    private void start() {
        try {
            RunTypeInfo runType = type.getValue();
            if (runType == null) {
                throw new RunException("Choose a run type.");
            }
            PromptSet set = runType.needsPromptSet() ? promptSet.getValue() : null;
            if (runType.needsPromptSet() && set == null) {
                throw new RunException("Choose a prompt set.");
            }
            String runName = name.isEmpty() ? runType.label() + (set == null ? "" : " of " + set.name()) : name.getValue();
            RunConfig config = new RunConfig(runType.type(), runName, set == null ? null : set.id(),
                    constitution.getValue(), Arrays.asList(models.getValue().split(",")),
                    new RunConfig.Sampling(value(temperature.getValue(), "Temperature"), value(topP.getValue(), "Top-p"),
                            value(maxNewTokens.getValue(), "Max new tokens")),
                    parseSeed(seed.getValue()),
                    new RunConfig.Execution(value(workers.getValue(), "Workers"), value(attempts.getValue(), "Attempts"),
                            value(retryDelay.getValue(), "Retry delay")),
                    parameters());
            Run run = runs.start(config);
            error.setText("");
            name.clear();
            resetAdvanced();
            onStarted.accept(run);
        } catch (RunException | IllegalArgumentException e) {
            error.setText(e.getMessage());
        }
    }

    private static <T> T value(T value, String field) {
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
