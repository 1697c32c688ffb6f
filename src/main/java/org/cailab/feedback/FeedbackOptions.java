package org.cailab.feedback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cailab.constitution.FewShotPrinciples;
import org.cailab.pipeline.RunParameter;
import org.jspecify.annotations.Nullable;

/**
 * How feedback labels are computed; recorded in a run's parameters ({@link #toParameters()} / {@link
 * #fromParameters(Map)}) so that every label can be traced to its settings.
 *
 * @param ensemble             principles drawn per pair (without replacement); the label averages their
 *                             probabilities (paper: ensembling over principles helps)
 * @param swap                 also ask with A and B swapped and average the two orders (removes position bias)
 * @param hardLabels           turn the final probability into 1 or 0 (the paper's soft-vs-hard ablation)
 * @param chainOfThought       let the model reason first ("Let's think step by step:") in the conversational format
 * @param reasoningSamples     reasonings sampled per question (chain of thought), their probabilities averaged
 * @param clampLow             chain of thought: each answer's probability is clamped to {@code [clampLow,
 *                             clampHigh]} (paper: 0.4-0.6, because reasoning makes the model overconfident)
 * @param clampHigh            see {@code clampLow}
 * @param fewShotPrinciples    which principle the few-shot examples are shown under
 * @param fewShotExamples      how many of the constitution version's few-shot examples to prepend, or null for all
 * @param reasoningTemperature sampling temperature of the reasoning
 * @param reasoningMaxTokens   the longest reasoning, in tokens
 */
public record FeedbackOptions(
        int ensemble,
        boolean swap,
        boolean hardLabels,
        boolean chainOfThought,
        int reasoningSamples,
        double clampLow,
        double clampHigh,
        FewShotPrinciples fewShotPrinciples,
        @Nullable Integer fewShotExamples,
        double reasoningTemperature,
        int reasoningMaxTokens) {

    public static final String ENSEMBLE = "ensemble";
    public static final String SWAP = "swapOrder";
    public static final String HARD_LABELS = "hardLabels";
    public static final String CHAIN_OF_THOUGHT = "chainOfThought";
    public static final String REASONING_SAMPLES = "reasoningSamples";
    public static final String CLAMP_LOW = "clampLow";
    public static final String CLAMP_HIGH = "clampHigh";
    public static final String FEW_SHOT_PRINCIPLES = "fewShotPrinciples";
    public static final String FEW_SHOT_EXAMPLES = "fewShotExamples";
    public static final String REASONING_TEMPERATURE = "reasoningTemperature";
    public static final String REASONING_MAX_TOKENS = "reasoningMaxTokens";
    public static final int MAX_ENSEMBLE = 64;
    public static final int MAX_REASONING_SAMPLES = 16;

    /** Start-form fields for a labelling run, with the defaults pre-filled. */
    public static final List<RunParameter> FORM = List.of(
            RunParameter.integer(
                    ENSEMBLE,
                    "Principles per pair",
                    1,
                    1,
                    MAX_ENSEMBLE,
                    "Ensemble: draw this many different principles per pair and average"),
            RunParameter.flag(SWAP, "Swap A and B", true, "Ask again with the responses swapped and average"),
            RunParameter.flag(HARD_LABELS, "Hard labels", false, "Store 1/0 instead of the probability (ablation)"),
            RunParameter.flag(
                    CHAIN_OF_THOUGHT,
                    "Chain of thought",
                    false,
                    "The feedback model reasons step by step before answering"),
            RunParameter.integer(
                    REASONING_SAMPLES,
                    "Reasonings per question",
                    1,
                    1,
                    MAX_REASONING_SAMPLES,
                    "Chain of thought: sampled reasonings averaged per question"),
            RunParameter.decimal(CLAMP_LOW, "Clamp low", 0.4, 0, 0.5, "Chain of thought: lowest probability kept"),
            RunParameter.decimal(CLAMP_HIGH, "Clamp high", 0.6, 0.5, 1, "Chain of thought: highest probability kept"),
            RunParameter.choice(
                    FEW_SHOT_PRINCIPLES,
                    "Few-shot principles",
                    "independent",
                    List.of("independent", "question"),
                    "independent: each few-shot under its own drawn principle (paper); question: all under the question's"),
            new RunParameter(
                    FEW_SHOT_EXAMPLES,
                    "Few-shot examples",
                    "all",
                    "How many of the constitution's feedback examples to prepend (a number or all)"),
            RunParameter.decimal(
                    REASONING_TEMPERATURE,
                    "Reasoning temperature",
                    1.0,
                    0,
                    5,
                    "Chain of thought: sampling temperature of the reasoning"),
            RunParameter.integer(
                    REASONING_MAX_TOKENS,
                    "Reasoning max tokens",
                    256,
                    1,
                    32_768,
                    "Chain of thought: the longest reasoning"));

    public FeedbackOptions {
        if (ensemble < 1 || ensemble > MAX_ENSEMBLE) {
            throw new IllegalArgumentException(
                    "Principles per pair must be between 1 and " + MAX_ENSEMBLE + ", was " + ensemble + ".");
        }
        if (reasoningSamples < 1 || reasoningSamples > MAX_REASONING_SAMPLES) {
            throw new IllegalArgumentException("Reasonings per question must be between 1 and " + MAX_REASONING_SAMPLES
                    + ", was " + reasoningSamples + ".");
        }
        if (!(clampLow >= 0 && clampLow <= 0.5 && clampHigh >= 0.5 && clampHigh <= 1)) {
            throw new IllegalArgumentException("The clamp band must contain 0.5 and lie in [0, 1]: 0 <= low <= 0.5"
                    + " <= high <= 1, was " + clampLow + "-" + clampHigh + ".");
        }
        if (fewShotPrinciples == null) {
            throw new IllegalArgumentException("Few-shot principles must be set.");
        }
        if (fewShotExamples != null && fewShotExamples < 0) {
            throw new IllegalArgumentException(
                    "Few-shot examples must be 0 or more (or all), was " + fewShotExamples + ".");
        }
        if (!(reasoningTemperature >= 0 && reasoningTemperature <= 5)) {
            throw new IllegalArgumentException(
                    "Reasoning temperature must be between 0 and 5, was " + reasoningTemperature + ".");
        }
        if (reasoningMaxTokens < 1 || reasoningMaxTokens > 32_768) {
            throw new IllegalArgumentException(
                    "Reasoning max tokens must be between 1 and 32768, was " + reasoningMaxTokens + ".");
        }
    }

    /** The paper's setup: one principle, both orders, soft labels, no chain of thought, independent few-shots. */
    public static FeedbackOptions defaults() {
        return new FeedbackOptions(1, true, false, false, 1, 0.4, 0.6, FewShotPrinciples.INDEPENDENT, null, 1.0, 256);
    }

    /** The options in a run's parameters; missing keys take the defaults, other keys are ignored. */
    public static FeedbackOptions fromParameters(Map<String, String> parameters) {
        FeedbackOptions d = defaults();
        return new FeedbackOptions(
                integer(parameters, ENSEMBLE, d.ensemble, "Principles per pair"),
                bool(parameters, SWAP, d.swap, "Swap A and B"),
                bool(parameters, HARD_LABELS, d.hardLabels, "Hard labels"),
                bool(parameters, CHAIN_OF_THOUGHT, d.chainOfThought, "Chain of thought"),
                integer(parameters, REASONING_SAMPLES, d.reasoningSamples, "Reasonings per question"),
                decimal(parameters, CLAMP_LOW, d.clampLow, "Clamp low"),
                decimal(parameters, CLAMP_HIGH, d.clampHigh, "Clamp high"),
                fewShotPrinciples(parameters.getOrDefault(FEW_SHOT_PRINCIPLES, "")),
                fewShots(parameters.getOrDefault(FEW_SHOT_EXAMPLES, "")),
                decimal(parameters, REASONING_TEMPERATURE, d.reasoningTemperature, "Reasoning temperature"),
                integer(parameters, REASONING_MAX_TOKENS, d.reasoningMaxTokens, "Reasoning max tokens"));
    }

    /** Every option as a parameter (normalised: {@link #fromParameters} reads back an equal record). */
    public Map<String, String> toParameters() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(ENSEMBLE, String.valueOf(ensemble));
        out.put(SWAP, String.valueOf(swap));
        out.put(HARD_LABELS, String.valueOf(hardLabels));
        out.put(CHAIN_OF_THOUGHT, String.valueOf(chainOfThought));
        out.put(REASONING_SAMPLES, String.valueOf(reasoningSamples));
        out.put(CLAMP_LOW, String.valueOf(clampLow));
        out.put(CLAMP_HIGH, String.valueOf(clampHigh));
        out.put(FEW_SHOT_PRINCIPLES, fewShotPrinciples.name().toLowerCase(Locale.ROOT));
        out.put(FEW_SHOT_EXAMPLES, fewShotExamples == null ? "all" : String.valueOf(fewShotExamples));
        out.put(REASONING_TEMPERATURE, String.valueOf(reasoningTemperature));
        out.put(REASONING_MAX_TOKENS, String.valueOf(reasoningMaxTokens));
        return out;
    }

    public FeedbackOptions withEnsemble(int k) {
        return new FeedbackOptions(
                k,
                swap,
                hardLabels,
                chainOfThought,
                reasoningSamples,
                clampLow,
                clampHigh,
                fewShotPrinciples,
                fewShotExamples,
                reasoningTemperature,
                reasoningMaxTokens);
    }

    public FeedbackOptions withSwap(boolean newSwap) {
        return new FeedbackOptions(
                ensemble,
                newSwap,
                hardLabels,
                chainOfThought,
                reasoningSamples,
                clampLow,
                clampHigh,
                fewShotPrinciples,
                fewShotExamples,
                reasoningTemperature,
                reasoningMaxTokens);
    }

    public FeedbackOptions withHardLabels(boolean hard) {
        return new FeedbackOptions(
                ensemble,
                swap,
                hard,
                chainOfThought,
                reasoningSamples,
                clampLow,
                clampHigh,
                fewShotPrinciples,
                fewShotExamples,
                reasoningTemperature,
                reasoningMaxTokens);
    }

    /** Chain of thought on, with {@code samples} reasonings per question clamped to {@code [low, high]}. */
    public FeedbackOptions withChainOfThought(int samples, double low, double high) {
        return new FeedbackOptions(
                ensemble,
                swap,
                hardLabels,
                true,
                samples,
                low,
                high,
                fewShotPrinciples,
                fewShotExamples,
                reasoningTemperature,
                reasoningMaxTokens);
    }

    public FeedbackOptions withFewShots(FewShotPrinciples principles, @Nullable Integer examples) {
        return new FeedbackOptions(
                ensemble,
                swap,
                hardLabels,
                chainOfThought,
                reasoningSamples,
                clampLow,
                clampHigh,
                principles,
                examples,
                reasoningTemperature,
                reasoningMaxTokens);
    }

    public FeedbackOptions withReasoning(double temperature, int maxTokens) {
        return new FeedbackOptions(
                ensemble,
                swap,
                hardLabels,
                chainOfThought,
                reasoningSamples,
                clampLow,
                clampHigh,
                fewShotPrinciples,
                fewShotExamples,
                temperature,
                maxTokens);
    }

    private static int integer(Map<String, String> parameters, String key, int fallback, String label) {
        String text = parameters.getOrDefault(key, "").strip();
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " must be a whole number, not \"" + text + "\".");
        }
    }

    private static double decimal(Map<String, String> parameters, String key, double fallback, String label) {
        String text = parameters.getOrDefault(key, "").strip();
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " must be a number, not \"" + text + "\".");
        }
    }

    private static boolean bool(Map<String, String> parameters, String key, boolean fallback, String label) {
        String text = parameters.getOrDefault(key, "").strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "" -> fallback;
            case "false", "no", "0" -> false;
            case "true", "yes", "1" -> true;
            default -> throw new IllegalArgumentException(label + " must be true or false, not \"" + text + "\".");
        };
    }

    private static FewShotPrinciples fewShotPrinciples(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "independent" -> FewShotPrinciples.INDEPENDENT;
            case "question" -> FewShotPrinciples.QUESTION;
            default ->
                throw new IllegalArgumentException(
                        "Few-shot principles must be \"independent\" or \"question\", not \"" + value + "\".");
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
            throw new IllegalArgumentException("Few-shot examples must be a number or \"all\", not \"" + value + "\".");
        }
    }
}
