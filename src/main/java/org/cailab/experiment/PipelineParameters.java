package org.cailab.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunParameter;

/**
 * The key settings of a pipeline run as {@link RunConfig#parameters()}, with small defaults that let the demo models
 * go through the whole pipeline in minutes. Everything else of a stage comes from that stage's own defaults unless
 * the configuration has a parameter {@code <stage key>.<stage parameter>} (for example {@code
 * sl-finetune.learningRate}), which is passed on to the child run as it is.
 */
public final class PipelineParameters {

    public static final String HELPFUL_PROMPT_SET = "helpfulPromptSetId";
    public static final String HELPFUL_PAIRS = "helpfulPairImports";
    public static final String HARMLESS_SHARE = "harmlessnessShare";
    public static final String ROUNDS = "rounds";
    public static final String INCLUDE_TRUNCATED = "includeTruncated";
    public static final String SL_EPOCHS = "slEpochs";
    public static final String PM_EPOCHS = "pmEpochs";
    public static final String RL_STEPS = "rlSteps";
    public static final String PROMPTS_PER_STEP = "promptsPerStep";
    public static final String SNAPSHOT_EVERY = "snapshotEvery";
    public static final String RL_HELPFUL_RATIO = "rlHelpfulRatio";
    public static final String CAMPAIGNS = "campaigns";
    public static final String EXPERIMENT = "experiment";
    public static final String EXTRA_STAGES = "extraStages";
    /** Optional stage (run type {@code harm-train}): a harm predictor trained on rated red-team attempts. */
    public static final String HARM_TRAIN_STAGE = "harm-train";
    /** Optional stage (run type {@code harm-eval}): predicted harm of the base, SL-CAI and RL-CAI snapshots. */
    public static final String HARM_EVAL_STAGE = "harm-eval";
    /** Harm evaluation: the held-out red-team prompt set (id). */
    public static final String HARM_PROMPT_SET = "harmPromptSetId";
    /** Harm evaluation with an existing harm predictor (name or id) instead of the harm-train stage. */
    public static final String HARM_PREDICTOR = "harmPredictor";
    /** Recorded by the planner: the constitution version's name ("name vN"), for labels. */
    public static final String CONSTITUTION_LABEL = "constitutionLabel";

    static final List<RunParameter> FORM = List.of(
            RunParameter.promptSet(
                    HELPFUL_PROMPT_SET,
                    "Helpfulness prompt set",
                    "Optional: helpfulness prompts for SL-CAI samples and mixed into RL"),
            new RunParameter(
                    HELPFUL_PAIRS,
                    "Human helpfulness pair imports",
                    "",
                    "Ids of imported helpfulness comparisons mixed into the preference model (empty: none)"),
            RunParameter.decimal(
                    HARMLESS_SHARE,
                    "Harmlessness share of the PM data",
                    0.5,
                    0,
                    1,
                    "AI-labelled harmlessness pairs against human helpfulness pairs (1 without helpfulness pairs)"),
            RunParameter.integer(ROUNDS, "Critique-revision rounds", 1, 1, 16, "SL-CAI rounds; SL trains on SL-CAI-n"),
            RunParameter.flag(
                    INCLUDE_TRUNCATED,
                    "Train on truncated samples",
                    true,
                    "Keep SL-CAI revisions cut at the token limit (short limits cut most of them)"),
            RunParameter.integer(SL_EPOCHS, "SL epochs", 1, 1, 100, "Passes over the SL-CAI data"),
            RunParameter.integer(PM_EPOCHS, "PM epochs", 1, 1, 100, "Passes over the preference pairs"),
            RunParameter.integer(RL_STEPS, "RL steps", 4, 1, 100_000, "PPO rollout batches"),
            RunParameter.integer(PROMPTS_PER_STEP, "RL prompts per step", 4, 1, 1024, "Prompts per rollout batch"),
            RunParameter.integer(
                    SNAPSHOT_EVERY,
                    "RL-CAI snapshot every (steps)",
                    2,
                    1,
                    100_000,
                    "A registered RL-CAI snapshot every this many steps"),
            RunParameter.decimal(
                    RL_HELPFUL_RATIO,
                    "RL helpfulness share",
                    0.5,
                    0,
                    1,
                    "Share of RL prompts from the helpfulness set (when one is chosen)"),
            RunParameter.flag(
                    CAMPAIGNS,
                    "Comparison campaigns",
                    true,
                    "At the end, create closed helpfulness and harmlessness campaigns over base, SL-CAI and RL-CAI"),
            new RunParameter(EXPERIMENT, "Experiment", "", "Optional label of a constitution experiment"));

    private PipelineParameters() {}

    static int integer(RunConfig config, String key) {
        RunParameter p = find(key);
        String value = config.parameter(key, p.defaultValue()).strip();
        try {
            int n = Integer.parseInt(value);
            if (n < p.min() || n > p.max()) {
                throw new RunException(p.label() + " must be between " + p.min().intValue() + " and "
                        + p.max().intValue() + ", was " + n + ".");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new RunException(p.label() + " must be a whole number, was \"" + value + "\".");
        }
    }

    static double decimal(RunConfig config, String key) {
        RunParameter p = find(key);
        String value = config.parameter(key, p.defaultValue()).strip();
        try {
            double d = Double.parseDouble(value);
            if (!(d >= p.min() && d <= p.max())) {
                throw new RunException(
                        p.label() + " must be between " + p.min() + " and " + p.max() + ", was " + value + ".");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new RunException(p.label() + " must be a number, was \"" + value + "\".");
        }
    }

    static boolean flag(RunConfig config, String key) {
        String value = config.parameter(key, find(key).defaultValue()).strip();
        if (!value.equals("true") && !value.equals("false")) {
            throw new RunException(find(key).label() + " must be true or false, was \"" + value + "\".");
        }
        return Boolean.parseBoolean(value);
    }

    static List<Long> ids(RunConfig config, String key, String what) {
        List<Long> ids = new ArrayList<>();
        for (String part : config.parameter(key, "").split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                ids.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                throw new RunException(what + " are ids separated by commas; \"" + part.strip() + "\" is not one.");
            }
        }
        return List.copyOf(ids);
    }

    static List<String> extraStages(RunConfig config) {
        return Arrays.stream(config.parameter(EXTRA_STAGES, "").split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static RunParameter find(String key) {
        return FORM.stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow();
    }
}
