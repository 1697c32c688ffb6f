package org.cailab.pipeline;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stage-specific setting of a run type, as the start form offers it; its value goes into {@link
 * RunConfig#parameters()} under {@code key} as text (a reference by its id). The stage checks the values when it
 * plans the run. The {@link Kind} decides the form's control: a number field with bounds, a checkbox, a list of
 * choices, or a combo box listing snapshots, prompt sets or runs by name — never a text field for an id.
 *
 * @param key          the parameter's name in the configuration
 * @param label        the form field's label
 * @param defaultValue what the stage uses when the parameter is not set (shown pre-filled; empty: nothing chosen)
 * @param description  one sentence for the field's helper text
 * @param kind         what sort of value it is
 * @param min          the smallest allowed number ({@link Kind#INTEGER}, {@link Kind#DECIMAL})
 * @param max          the largest allowed number
 * @param choices      the allowed values of a {@link Kind#CHOICE}, or the run type of a {@link Kind#RUN} reference,
 *                     or the snapshot kinds ({@code SnapshotKind} names) a {@link Kind#SNAPSHOT} lists (empty: all)
 */
public record RunParameter(
        String key,
        String label,
        String defaultValue,
        String description,
        Kind kind,
        @Nullable Double min,
        @Nullable Double max,
        List<String> choices) {

    /** What sort of value a parameter takes, and so which control the form shows. */
    public enum Kind {
        TEXT,
        INTEGER,
        DECIMAL,
        FLAG,
        CHOICE,
        /** a registered model snapshot, by id */
        SNAPSHOT,
        /** a prompt set, by id */
        PROMPT_SET,
        /** an earlier run, by id */
        RUN,
        /** earlier runs, by their ids separated by commas */
        RUNS
    }

    public RunParameter {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(kind, "kind");
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** A free-text parameter. */
    public RunParameter(String key, String label, String defaultValue, String description) {
        this(key, label, defaultValue, description, Kind.TEXT, null, null, List.of());
    }

    public static RunParameter integer(
            String key, String label, int defaultValue, int min, int max, String description) {
        return new RunParameter(
                key,
                label,
                String.valueOf(defaultValue),
                description,
                Kind.INTEGER,
                (double) min,
                (double) max,
                List.of());
    }

    public static RunParameter decimal(
            String key, String label, double defaultValue, double min, double max, String description) {
        return new RunParameter(
                key, label, String.valueOf(defaultValue), description, Kind.DECIMAL, min, max, List.of());
    }

    public static RunParameter flag(String key, String label, boolean defaultValue, String description) {
        return new RunParameter(
                key, label, String.valueOf(defaultValue), description, Kind.FLAG, null, null, List.of());
    }

    public static RunParameter choice(
            String key, String label, String defaultValue, List<String> choices, String description) {
        if (!choices.contains(defaultValue)) {
            throw new IllegalArgumentException("Default " + defaultValue + " of " + key + " is not among " + choices);
        }
        return new RunParameter(key, label, defaultValue, description, Kind.CHOICE, null, null, choices);
    }

    /** A model snapshot chosen by name; {@code kinds} are the snapshot kinds listed first (empty: all alike). */
    public static RunParameter snapshot(String key, String label, String description, List<String> kinds) {
        return new RunParameter(key, label, "", description, Kind.SNAPSHOT, null, null, kinds);
    }

    public static RunParameter promptSet(String key, String label, String description) {
        return new RunParameter(key, label, "", description, Kind.PROMPT_SET, null, null, List.of());
    }

    /** Earlier runs of type {@code runType}, chosen by name; the value is their ids separated by commas. */
    public static RunParameter runs(String key, String label, String runType, String description) {
        return new RunParameter(key, label, "", description, Kind.RUNS, null, null, List.of(runType));
    }

    /** An earlier run of type {@code runType}, chosen by name. */
    public static RunParameter run(String key, String label, String runType, String description) {
        return new RunParameter(key, label, "", description, Kind.RUN, null, null, List.of(runType));
    }
}
