package org.cailab.slcai;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunParameter;
import org.jspecify.annotations.Nullable;

/**
 * The stage-specific settings of an SL-CAI run ({@link RunConfig#parameters()}), checked.
 *
 * @param rounds                  critique/revision rounds per red-team prompt (paper: up to 4)
 * @param directRevision          revise without a critique first (the paper's ablation)
 * @param samplesPerHelpfulPrompt responses sampled per helpfulness prompt (paper: 2)
 * @param fewShotExamples         how many of the version's few-shot examples to put in front, or {@code null} for all
 * @param helpfulPromptSetId      an extra helpfulness prompt set whose prompts are sampled into the same dataset
 * @param layout                  what each round sees of the rounds before it (default: the paper's
 *                                {@link ChainLayout#PAIR})
 */
public record SlCaiParameters(
        int rounds,
        boolean directRevision,
        int samplesPerHelpfulPrompt,
        @Nullable Integer fewShotExamples,
        @Nullable Long helpfulPromptSetId,
        ChainLayout layout) {

    public static final String ROUNDS = "rounds";
    public static final String DIRECT_REVISION = "directRevision";
    public static final String SAMPLES_PER_HELPFUL_PROMPT = "samplesPerHelpfulPrompt";
    public static final String FEW_SHOT_EXAMPLES = "fewShotExamples";
    public static final String HELPFUL_PROMPT_SET = "helpfulPromptSetId";
    public static final String LAYOUT = "chainLayout";
    static final int MAX_ROUNDS = 16;
    static final int MAX_SAMPLES = 16;

    /** What the start form offers. */
    static final List<RunParameter> FORM = List.of(
            RunParameter.integer(
                    ROUNDS,
                    "Rounds",
                    4,
                    0,
                    MAX_ROUNDS,
                    "Critique/revision rounds per red-team prompt (the paper: up to 4)"),
            RunParameter.flag(
                    DIRECT_REVISION,
                    "Direct revision",
                    false,
                    "Revise without writing a critique first (the paper's ablation)"),
            RunParameter.integer(
                    SAMPLES_PER_HELPFUL_PROMPT,
                    "Samples per helpful prompt",
                    2,
                    1,
                    MAX_SAMPLES,
                    "Responses sampled directly for each helpfulness prompt (the paper: 2)"),
            new RunParameter(
                    FEW_SHOT_EXAMPLES,
                    "Few-shot examples",
                    "all",
                    "How many of the constitution's critique/revision examples to prepend: a number or \"all\""),
            RunParameter.promptSet(
                    HELPFUL_PROMPT_SET,
                    "Helpfulness prompt set",
                    "Optional: also sample this helpfulness set into the dataset"),
            RunParameter.choice(
                    LAYOUT,
                    "Chain layout",
                    ChainLayout.PAIR.parameter(),
                    java.util.Arrays.stream(ChainLayout.values())
                            .map(ChainLayout::parameter)
                            .toList(),
                    "pair: each round critiques the previous revision alone (the paper); cumulative: each round "
                            + "sees the whole chain so far"));

    public SlCaiParameters {
        Objects.requireNonNull(layout, "layout");
        if (rounds < 0 || rounds > MAX_ROUNDS) {
            throw new RunException("Rounds must be between 0 and " + MAX_ROUNDS + ".");
        }
        if (samplesPerHelpfulPrompt < 1 || samplesPerHelpfulPrompt > MAX_SAMPLES) {
            throw new RunException("Samples per helpful prompt must be between 1 and " + MAX_SAMPLES + ".");
        }
        if (fewShotExamples != null && fewShotExamples < 0) {
            throw new RunException("Few-shot examples must be 0 or more (or \"all\").");
        }
    }

    /** The parameters of a configuration being started, with the defaults (the paper's) for what is not set. */
    public static SlCaiParameters of(RunConfig config) {
        return of(config, ChainLayout.PAIR);
    }

    /**
     * The parameters a started run recorded. A run recorded before the chain layout was a parameter was made
     * {@linkplain ChainLayout#CUMULATIVE cumulatively}, so that is what a missing layout means here.
     */
    public static SlCaiParameters ofRecorded(RunConfig config) {
        return of(config, ChainLayout.CUMULATIVE);
    }

    private static SlCaiParameters of(RunConfig config, ChainLayout missingLayout) {
        String layout = config.parameter(LAYOUT, "").strip();
        return new SlCaiParameters(
                integer(config, ROUNDS, 4, "Rounds"),
                bool(config, DIRECT_REVISION),
                integer(config, SAMPLES_PER_HELPFUL_PROMPT, 2, "Samples per helpful prompt"),
                fewShots(config.parameter(FEW_SHOT_EXAMPLES, "all")),
                helpfulSet(config.parameter(HELPFUL_PROMPT_SET, "")),
                layout.isEmpty() ? missingLayout : ChainLayout.parse(layout));
    }

    /** These parameters written into a configuration (normalised: what {@link #of} reads back). */
    RunConfig writeTo(RunConfig config) {
        RunConfig out = config.withParameter(ROUNDS, String.valueOf(rounds))
                .withParameter(DIRECT_REVISION, String.valueOf(directRevision))
                .withParameter(SAMPLES_PER_HELPFUL_PROMPT, String.valueOf(samplesPerHelpfulPrompt))
                .withParameter(FEW_SHOT_EXAMPLES, fewShotExamples == null ? "all" : String.valueOf(fewShotExamples))
                .withParameter(LAYOUT, layout.parameter());
        return helpfulPromptSetId == null
                ? out
                : out.withParameter(HELPFUL_PROMPT_SET, String.valueOf(helpfulPromptSetId));
    }

    /** These parameters with the few-shot count resolved against what a constitution version has. */
    SlCaiParameters withFewShotExamples(int available) {
        int used = fewShotExamples == null ? available : Math.min(fewShotExamples, available);
        return new SlCaiParameters(rounds, directRevision, samplesPerHelpfulPrompt, used, helpfulPromptSetId, layout);
    }

    private static int integer(RunConfig config, String key, int fallback, String label) {
        String text = config.parameter(key, "").strip();
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RunException(label + " must be a whole number, not \"" + text + "\".");
        }
    }

    private static boolean bool(RunConfig config, String key) {
        String text = config.parameter(key, "false").strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "", "false", "no", "0" -> false;
            case "true", "yes", "1" -> true;
            default -> throw new RunException("Direct revision must be true or false, not \"" + text + "\".");
        };
    }

    private static @Nullable Integer fewShots(String text) {
        String value = text.strip();
        if (value.isEmpty() || value.equalsIgnoreCase("all")) {
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new RunException("Few-shot examples must be a number or \"all\", not \"" + value + "\".");
        }
    }

    private static @Nullable Long helpfulSet(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new RunException("The helpfulness prompt set must be given by its id, not \"" + value + "\".");
        }
    }
}
