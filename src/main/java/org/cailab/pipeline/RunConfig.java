package org.cailab.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.cailab.constitution.ConstitutionChoice;
import org.cailab.promptset.PromptSetId;
import org.jspecify.annotations.Nullable;

/**
 * Everything a run was started with, recorded in full (as JSON) so that a result can always be traced back to its
 * inputs. Prompt sets, constitution versions and model snapshots belong to other modules; they are recorded by id
 * (or, for snapshots, name) only. Which of them a run type reads is the stage's {@link RunStage#inputs()}. The JSON
 * keeps the property names {@code promptSetId} and {@code constitutionVersion} of the string-typed configuration, so
 * runs stored before the typed references read unchanged.
 *
 * @param type                the {@link RunStage#type()} that processes the items
 * @param name                a name for people
 * @param promptSet           the prompt set the items come from, if the type reads one ({@link RunInput#PROMPT_SET})
 * @param constitution        the constitution version the run uses, if any: a name until the stage plans the run,
 *                            the version's id after (null: the stage's default constitution)
 * @param modelSnapshots      the model snapshots (ids or names) the run uses, in the stage's order of roles
 * @param sampling            sampling settings for model generation
 * @param seed                the random seed; a stage derives per-item seeds from it and the item key
 * @param execution           how the run is executed: workers, attempts per item, retry delay
 * @param parameters          stage-specific settings (documented by each stage)
 */
public record RunConfig(
        String type,
        String name,
        @JsonProperty("promptSetId") @Nullable PromptSetId promptSet,
        @JsonProperty("constitutionVersion") @Nullable ConstitutionChoice constitution,
        List<String> modelSnapshots,
        Sampling sampling,
        long seed,
        Execution execution,
        Map<String, String> parameters) {

    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    public static final int MAX_NAME_LENGTH = 200;

    public RunConfig {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("Run type must be 1-64 lower-case letters, digits or '-'");
        }
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("Give the run a name of 1-" + MAX_NAME_LENGTH + " characters");
        }
        modelSnapshots = modelSnapshots == null
                ? List.of()
                : modelSnapshots.stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        sampling = sampling == null ? Sampling.DEFAULT : sampling;
        execution = execution == null ? Execution.DEFAULT : execution;
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** A configuration with defaults for everything but type and name (seed 0). */
    public static RunConfig of(String type, String name) {
        return new RunConfig(type, name, null, null, List.of(), Sampling.DEFAULT, 0, Execution.DEFAULT, Map.of());
    }

    public RunConfig withPromptSet(@Nullable PromptSetId id) {
        return new RunConfig(type, name, id, constitution, modelSnapshots, sampling, seed, execution, parameters);
    }

    public RunConfig withConstitution(@Nullable ConstitutionChoice version) {
        return new RunConfig(type, name, promptSet, version, modelSnapshots, sampling, seed, execution, parameters);
    }

    /** The constitution version id that planning fixed (see {@link ConstitutionChoice#versionId()}). */
    public long constitutionVersionId() {
        if (constitution == null) {
            throw new IllegalStateException("Run \"" + name + "\" records no constitution version");
        }
        return constitution.versionId();
    }

    public RunConfig withModelSnapshots(List<String> snapshots) {
        return new RunConfig(type, name, promptSet, constitution, snapshots, sampling, seed, execution, parameters);
    }

    public RunConfig withSampling(Sampling newSampling) {
        return new RunConfig(
                type, name, promptSet, constitution, modelSnapshots, newSampling, seed, execution, parameters);
    }

    public RunConfig withSeed(long newSeed) {
        return new RunConfig(
                type, name, promptSet, constitution, modelSnapshots, sampling, newSeed, execution, parameters);
    }

    public RunConfig withExecution(Execution newExecution) {
        return new RunConfig(
                type, name, promptSet, constitution, modelSnapshots, sampling, seed, newExecution, parameters);
    }

    public RunConfig withParameter(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(parameters);
        copy.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
        return new RunConfig(type, name, promptSet, constitution, modelSnapshots, sampling, seed, execution, copy);
    }

    /** A stage parameter, or {@code fallback} when it is not set. */
    public String parameter(String key, String fallback) {
        return parameters.getOrDefault(key, fallback);
    }

    /**
     * Sampling settings for model generation.
     *
     * @param temperature    0 samples greedily
     * @param topP           nucleus sampling mass, in (0, 1]
     * @param maxNewTokens   tokens to generate at most per sample
     */
    public record Sampling(double temperature, double topP, int maxNewTokens) {

        public static final Sampling DEFAULT = new Sampling(1.0, 1.0, 256);

        public Sampling {
            if (!(temperature >= 0 && temperature <= 5)) {
                throw new IllegalArgumentException("Temperature must be between 0 and 5");
            }
            if (!(topP > 0 && topP <= 1)) {
                throw new IllegalArgumentException("Top-p must be above 0 and at most 1");
            }
            if (maxNewTokens < 1 || maxNewTokens > 32_768) {
                throw new IllegalArgumentException("Max new tokens must be between 1 and 32768");
            }
        }
    }

    /**
     * How a run is executed.
     *
     * @param workers           items processed at the same time (over all app instances)
     * @param maxAttempts       attempts per item before it is recorded as failed (a crash during an item counts)
     * @param retryDelaySeconds wait before retrying a failed item, multiplied by the attempts so far
     */
    public record Execution(int workers, int maxAttempts, int retryDelaySeconds) {

        public static final Execution DEFAULT = new Execution(1, 3, 5);

        public Execution {
            if (workers < 1 || workers > 32) {
                throw new IllegalArgumentException("Workers must be between 1 and 32");
            }
            if (maxAttempts < 1 || maxAttempts > 20) {
                throw new IllegalArgumentException("Attempts per item must be between 1 and 20");
            }
            if (retryDelaySeconds < 0 || retryDelaySeconds > 3600) {
                throw new IllegalArgumentException("Retry delay must be between 0 and 3600 seconds");
            }
        }
    }
}
