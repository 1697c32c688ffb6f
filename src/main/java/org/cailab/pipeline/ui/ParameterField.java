package org.cailab.pipeline.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.cailab.model.ModelSnapshot;
import org.cailab.pipeline.RunParameter;
import org.cailab.pipeline.RunSummary;
import org.cailab.promptset.PromptSet;

/**
 * One stage parameter on the start form: the control that fits its {@link RunParameter.Kind}, and its value as the
 * text that goes into the run's configuration (references by id; empty when nothing is chosen).
 */
final class ParameterField {

    private final RunParameter parameter;
    private final Component component;
    private final Supplier<String> read;
    private final Consumer<String> reset;

    private ParameterField(RunParameter parameter, Component component, Supplier<String> read, Consumer<String> reset) {
        this.parameter = parameter;
        this.component = component;
        this.read = read;
        this.reset = reset;
    }

    static ParameterField of(RunParameter p, References references) {
        ParameterField field = switch (p.kind()) {
            case INTEGER -> {
                IntegerField f = new IntegerField(p.label());
                if (p.min() != null) {
                    f.setMin(p.min().intValue());
                }
                if (p.max() != null) {
                    f.setMax(p.max().intValue());
                }
                f.setStepButtonsVisible(true);
                yield new ParameterField(
                        p,
                        f,
                        () -> f.getValue() == null ? "" : String.valueOf(f.getValue()),
                        v -> f.setValue(v.isBlank() ? null : Integer.valueOf(v)));
            }
            case DECIMAL -> {
                NumberField f = new NumberField(p.label());
                if (p.min() != null) {
                    f.setMin(p.min());
                }
                if (p.max() != null) {
                    f.setMax(p.max());
                }
                yield new ParameterField(
                        p,
                        f,
                        () -> f.getValue() == null ? "" : String.valueOf(f.getValue()),
                        v -> f.setValue(v.isBlank() ? null : Double.valueOf(v)));
            }
            case FLAG -> {
                Checkbox f = new Checkbox(p.label());
                yield new ParameterField(
                        p, f, () -> String.valueOf(f.getValue()), v -> f.setValue(Boolean.parseBoolean(v)));
            }
            case CHOICE -> {
                Select<String> f = new Select<>();
                f.setLabel(p.label());
                f.setItems(p.choices());
                yield new ParameterField(
                        p, f, () -> f.getValue() == null ? "" : f.getValue(), v -> f.setValue(v.isBlank() ? null : v));
            }
            case SNAPSHOT -> {
                ComboBox<ModelSnapshot> f = references.snapshotPicker(p.label(), p.choices());
                f.setClearButtonVisible(true);
                yield new ParameterField(
                        p,
                        f,
                        () -> f.getValue() == null
                                ? ""
                                : String.valueOf(f.getValue().id()),
                        v -> f.clear());
            }
            case PROMPT_SET -> {
                ComboBox<PromptSet> f = references.promptSetPicker(p.label());
                f.setClearButtonVisible(true);
                yield new ParameterField(
                        p,
                        f,
                        () -> f.getValue() == null
                                ? ""
                                : String.valueOf(f.getValue().id()),
                        v -> f.clear());
            }
            case RUN -> {
                ComboBox<RunSummary> f = references.runPicker(
                        p.label(), p.choices().isEmpty() ? "" : p.choices().getFirst());
                f.setClearButtonVisible(true);
                yield new ParameterField(
                        p,
                        f,
                        () -> f.getValue() == null
                                ? ""
                                : String.valueOf(f.getValue().run().id()),
                        v -> f.clear());
            }
            case RUNS -> {
                com.vaadin.flow.component.combobox.MultiSelectComboBox<RunSummary> f = references.runsPicker(
                        p.label(), p.choices().isEmpty() ? "" : p.choices().getFirst());
                f.setClearButtonVisible(true);
                yield new ParameterField(
                        p,
                        f,
                        () -> f.getValue().stream()
                                .map(r -> String.valueOf(r.run().id()))
                                .collect(java.util.stream.Collectors.joining(",")),
                        v -> f.clear());
            }
            case TEXT -> {
                TextField f = new TextField(p.label());
                yield new ParameterField(p, f, f::getValue, f::setValue);
            }
        };
        field.component.setId("run-param-" + p.key());
        if (field.component instanceof com.vaadin.flow.component.HasHelper helper) {
            helper.setHelperText(p.description());
        } else {
            field.component.getElement().setAttribute("title", p.description());
        }
        field.reset();
        return field;
    }

    RunParameter parameter() {
        return parameter;
    }

    Component component() {
        return component;
    }

    /** The value for the configuration, stripped; empty when nothing is set. */
    String value() {
        String value = read.get();
        return value == null ? "" : value.strip();
    }

    void reset() {
        reset.accept(parameter.defaultValue());
    }
}
