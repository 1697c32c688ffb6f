package org.cailab.rl;

import java.util.List;
import java.util.Locale;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunParameter;
import org.jspecify.annotations.Nullable;

/**
 * The stage-specific settings of an RL-CAI run ({@link RunConfig#parameters()}), checked. Sampling (temperature,
 * max new tokens) and the seed come from the run's own fields.
 *
 * @param algorithm PPO or RLOO
 * @param steps RL steps in all
 * @param promptsPerStep prompts per rollout batch
 * @param samplesPerPrompt responses per prompt (RLOO: at least 2)
 * @param snapshotEvery a snapshot is registered (and a checkpoint written) every this many steps
 * @param epochs passes over each rollout batch
 * @param miniBatchSize responses per optimizer step
 * @param learningRate AdamW rate
 * @param klCoefficient the KL penalty's initial weight
 * @param targetKl the adaptive controller's target per response (0 = fixed weight)
 * @param klWarning the run page warns when the mean KL per response exceeds it
 * @param helpfulPromptSetId an optional helpfulness prompt set mixed into the red-team prompts
 * @param helpfulRatio the fraction of prompts drawn from the helpfulness set
 */
public record RlParameters(
        RlAlgorithm algorithm,
        int steps,
        int promptsPerStep,
        int samplesPerPrompt,
        int snapshotEvery,
        int epochs,
        int miniBatchSize,
        double learningRate,
        double klCoefficient,
        double targetKl,
        double klWarning,
        @Nullable Long helpfulPromptSetId,
        double helpfulRatio) {

    static final String ALGORITHM = "algorithm";
    static final String STEPS = "steps";
    static final String PROMPTS_PER_STEP = "promptsPerStep";
    static final String SAMPLES_PER_PROMPT = "samplesPerPrompt";
    static final String SNAPSHOT_EVERY = "snapshotEvery";
    static final String EPOCHS = "epochs";
    static final String MINI_BATCH = "miniBatchSize";
    static final String LEARNING_RATE = "learningRate";
    static final String KL_COEFFICIENT = "klCoefficient";
    static final String TARGET_KL = "targetKl";
    static final String KL_WARNING = "klWarning";
    static final String HELPFUL_SET = "helpfulPromptSetId";
    static final String HELPFUL_RATIO = "helpfulRatio";

    /** The start form's fields, in order. */
    public static final List<RunParameter> FORM = List.of(
            RunParameter.choice(
                    ALGORITHM,
                    "Algorithm",
                    "ppo",
                    List.of("ppo", "rloo"),
                    "ppo (value head, GAE, "
                            + "clipped losses) or rloo (REINFORCE leave-one-out over the samples of a prompt)"),
            RunParameter.integer(STEPS, "RL steps", 20, 1, 100_000, "Rollout batches to train on"),
            RunParameter.integer(PROMPTS_PER_STEP, "Prompts per step", 8, 1, 1024, "Prompts per rollout batch"),
            RunParameter.integer(
                    SAMPLES_PER_PROMPT, "Samples per prompt", 1, 1, 64, "Responses per prompt; RLOO needs 2 or more"),
            RunParameter.integer(
                    SNAPSHOT_EVERY,
                    "Snapshot every (steps)",
                    5,
                    1,
                    100_000,
                    "An RL-CAI snapshot and a " + "checkpoint every this many steps; a crash redoes at most this many"),
            RunParameter.integer(EPOCHS, "PPO epochs", 2, 1, 16, "Passes over each rollout batch"),
            RunParameter.integer(MINI_BATCH, "Minibatch size", 8, 1, 4096, "Responses per optimizer step"),
            RunParameter.decimal(LEARNING_RATE, "Learning rate", 1e-5, 0, 1, "AdamW learning rate"),
            RunParameter.decimal(
                    KL_COEFFICIENT, "KL coefficient", 0.05, 0, 100, "Weight of the KL penalty to the reference"),
            RunParameter.decimal(
                    TARGET_KL,
                    "Target KL",
                    0,
                    0,
                    1000,
                    "Adapt the KL coefficient to this KL per response " + "(0 keeps it fixed)"),
            RunParameter.decimal(
                    KL_WARNING, "KL warning above", 20, 0, 100_000, "The run page warns when the mean KL exceeds it"),
            RunParameter.promptSet(
                    HELPFUL_SET,
                    "Helpfulness prompt set",
                    "Optional helpfulness prompts mixed with the " + "red-team prompts"),
            RunParameter.decimal(
                    HELPFUL_RATIO,
                    "Helpfulness share",
                    0.5,
                    0,
                    1,
                    "Fraction of prompts from the " + "helpfulness set, when one is given"));

    public RlParameters {
        check(steps >= 1 && steps <= 100_000, "RL steps must be between 1 and 100000");
        check(promptsPerStep >= 1 && promptsPerStep <= 1024, "Prompts per step must be between 1 and 1024");
        check(samplesPerPrompt >= 1 && samplesPerPrompt <= 64, "Samples per prompt must be between 1 and 64");
        check(algorithm != RlAlgorithm.RLOO || samplesPerPrompt >= 2, "RLOO needs at least 2 samples per prompt");
        check(snapshotEvery >= 1, "Snapshot every must be at least 1 step");
        check(epochs >= 1 && epochs <= 16, "PPO epochs must be between 1 and 16");
        check(miniBatchSize >= 1, "Minibatch size must be at least 1");
        check(learningRate > 0 && learningRate < 1, "Learning rate must be above 0 and below 1");
        check(klCoefficient >= 0 && targetKl >= 0 && klWarning > 0, "KL settings must not be negative");
        check(helpfulRatio >= 0 && helpfulRatio <= 1, "Helpfulness share must be between 0 and 1");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new RunException(message + ".");
        }
    }

    /** Reads and checks the parameters of a configuration (defaults for those not set). */
    public static RlParameters of(RunConfig config) {
        String helpful = config.parameter(HELPFUL_SET, "").strip();
        try {
            return new RlParameters(
                    algorithm(config.parameter(ALGORITHM, "ppo")),
                    Integer.parseInt(config.parameter(STEPS, "20").strip()),
                    Integer.parseInt(config.parameter(PROMPTS_PER_STEP, "8").strip()),
                    Integer.parseInt(config.parameter(SAMPLES_PER_PROMPT, "1").strip()),
                    Integer.parseInt(config.parameter(SNAPSHOT_EVERY, "5").strip()),
                    Integer.parseInt(config.parameter(EPOCHS, "2").strip()),
                    Integer.parseInt(config.parameter(MINI_BATCH, "8").strip()),
                    Double.parseDouble(config.parameter(LEARNING_RATE, "1e-5").strip()),
                    Double.parseDouble(config.parameter(KL_COEFFICIENT, "0.05").strip()),
                    Double.parseDouble(config.parameter(TARGET_KL, "0").strip()),
                    Double.parseDouble(config.parameter(KL_WARNING, "20").strip()),
                    helpful.isEmpty() ? null : Long.parseLong(helpful),
                    Double.parseDouble(config.parameter(HELPFUL_RATIO, "0.5").strip()));
        } catch (NumberFormatException e) {
            throw new RunException("An RL setting is not a number: " + e.getMessage());
        }
    }

    private static RlAlgorithm algorithm(String value) {
        try {
            return RlAlgorithm.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RunException("Algorithm must be ppo or rloo, not \"" + value + "\".");
        }
    }

    /** The trainer's settings for a run with this sampling and seed. */
    RlSettings settings(RunConfig config) {
        return new RlSettings(
                algorithm,
                new RlSettings.Rollout(
                        promptsPerStep,
                        samplesPerPrompt,
                        config.sampling().maxNewTokens(),
                        Math.max(1e-3, config.sampling().temperature())),
                new RlSettings.Optimizer(epochs, miniBatchSize, Math.min(miniBatchSize, 8), learningRate, 0, 1.0),
                RlSettings.Objective.defaults(),
                new RlSettings.KlPenalty(klCoefficient, targetKl, 10_000, klWarning),
                config.seed());
    }

    /** The RL steps that segment {@code index} (0-based) covers: from (exclusive) and to (inclusive). */
    int segmentEnd(int index) {
        return Math.min(steps, (index + 1) * snapshotEvery);
    }

    int segments() {
        return (steps + snapshotEvery - 1) / snapshotEvery;
    }
}
