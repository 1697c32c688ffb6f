package org.cailab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.pipeline.ItemInput;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunParameter;
import org.jspecify.annotations.Nullable;

/**
 * Planning pieces shared by the training stages: the base snapshot and settings, the single item, run id lists, and
 * the preference-model fields of the stages that score with one.
 */
final class TrainingPlans {

    /** The one item of a training run (see decision 0081). */
    static final String ITEM_KEY = "training";

    static final String BASE_NAME = "baseSnapshotName";

    private static final int MIN_MAX_LENGTH = 16;
    private static final int MAX_MAX_LENGTH = 32_768;

    private TrainingPlans() {}

    /** What every training plan starts from: the base snapshot and the checked training settings. */
    record Start(ModelSnapshot base, TrainingSettings settings) {

        /** {@code config} with the settings written out, the base recorded by id and its name kept for the pages. */
        RunConfig record(RunConfig config) {
            return settings.writeTo(config)
                    .withModelSnapshots(List.of(String.valueOf(base.id())))
                    .withParameter(BASE_NAME, base.name());
        }
    }

    /** Resolves the base snapshot ({@code role} names it in errors), then reads the training settings. */
    static Start start(
            RunConfig config, ModelRegistry registry, String role, double defaultLearningRate, int defaultBatch) {
        ModelSnapshot base = resolveBase(config, registry, role);
        return new Start(base, TrainingSettings.of(config, defaultLearningRate, defaultBatch));
    }

    /** The base snapshot named first among the run's snapshots (by id or name); the config records its id. */
    static ModelSnapshot resolveBase(RunConfig config, ModelRegistry registry, String role) {
        if (config.modelSnapshots().isEmpty()) {
            throw new RunException("Name the " + role + ": its snapshot id or name (first of the model snapshots).");
        }
        String ref = config.modelSnapshots().getFirst();
        if (ref.chars().allMatch(Character::isDigit)) {
            return registry.find(Long.parseLong(ref))
                    .orElseThrow(() -> new RunException("There is no model snapshot " + ref + "."));
        }
        return registry.findByName(ref)
                .orElseThrow(() -> new RunException("There is no model snapshot named \"" + ref + "\"."));
    }

    /** The recorded configuration's base snapshot id (after planning it is the first model snapshot, an id). */
    static @Nullable Long baseSnapshotId(RunConfig config) {
        if (config.modelSnapshots().isEmpty()) {
            return null;
        }
        String ref = config.modelSnapshots().getFirst();
        return ref.chars().allMatch(Character::isDigit) ? Long.parseLong(ref) : null;
    }

    /** The form's preference-model picker (snapshots of kind preference model). */
    static RunParameter preferenceModel(String key, String help) {
        return RunParameter.snapshot(key, "Preference model", help, List.of("PREFERENCE_MODEL"));
    }

    /** The form's field for the tokens a preference model reads per text. */
    static RunParameter maxLength(String key, String help) {
        return RunParameter.integer(
                key, "Max tokens", PreferenceModelService.DEFAULT_MAX_LENGTH, MIN_MAX_LENGTH, MAX_MAX_LENGTH, help);
    }

    /** The tokens a preference model reads per text, checked against the form's bounds. */
    static int maxLength(RunConfig config, String key) {
        int maxLength = TrainingSettings.integer(config, key, PreferenceModelService.DEFAULT_MAX_LENGTH, "Max tokens");
        if (maxLength < MIN_MAX_LENGTH || maxLength > MAX_MAX_LENGTH) {
            throw new RunException("Max tokens must be between " + MIN_MAX_LENGTH + " and " + MAX_MAX_LENGTH + ", not "
                    + maxLength + ".");
        }
        return maxLength;
    }

    static List<ItemInput> singleItem() {
        return List.of(
                ItemInput.of(ITEM_KEY, Map.of("what", "the whole training run, resumed from its last checkpoint")));
    }

    /** A comma-separated list of run ids. */
    static List<Long> runIds(String value, String label) {
        List<Long> ids = new ArrayList<>();
        for (String part : value.split(",")) {
            String s = part.strip();
            if (s.isEmpty()) {
                continue;
            }
            try {
                ids.add(Long.parseLong(s));
            } catch (NumberFormatException e) {
                throw new RunException(label + " must be run ids separated by commas, found \"" + s + "\".");
            }
        }
        return ids;
    }

    static String join(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }
}
