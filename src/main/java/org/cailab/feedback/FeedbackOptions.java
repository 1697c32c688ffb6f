package org.cailab.feedback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
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
                option(parameters, ENSEMBLE, d.ensemble, Parser.WHOLE_NUMBER),
                option(parameters, SWAP, d.swap, Parser.FLAG),
                option(parameters, HARD_LABELS, d.hardLabels, Parser.FLAG),
                option(parameters, CHAIN_OF_THOUGHT, d.chainOfThought, Parser.FLAG),
                option(parameters, REASONING_SAMPLES, d.reasoningSamples, Parser.WHOLE_NUMBER),
                option(parameters, CLAMP_LOW, d.clampLow, Parser.NUMBER),
                option(parameters, CLAMP_HIGH, d.clampHigh, Parser.NUMBER),
                option(parameters, FEW_SHOT_PRINCIPLES, d.fewShotPrinciples, Parser.FEW_SHOT_PRINCIPLES),
                option(parameters, FEW_SHOT_EXAMPLES, d.fewShotExamples, Parser.FEW_SHOT_EXAMPLES),
                option(parameters, REASONING_TEMPERATURE, d.reasoningTemperature, Parser.NUMBER),
                option(parameters, REASONING_MAX_TOKENS, d.reasoningMaxTokens, Parser.WHOLE_NUMBER));
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
        return with(o -> o.ensemble = k);
    }

    public FeedbackOptions withSwap(boolean newSwap) {
        return with(o -> o.swap = newSwap);
    }

    public FeedbackOptions withHardLabels(boolean hard) {
        return with(o -> o.hardLabels = hard);
    }

    /** Chain of thought on, with {@code samples} reasonings per question clamped to {@code [low, high]}. */
    public FeedbackOptions withChainOfThought(int samples, double low, double high) {
        return with(o -> {
            o.chainOfThought = true;
            o.reasoningSamples = samples;
            o.clampLow = low;
            o.clampHigh = high;
        });
    }

    public FeedbackOptions withFewShots(FewShotPrinciples principles, @Nullable Integer examples) {
        return with(o -> {
            o.fewShotPrinciples = principles;
            o.fewShotExamples = examples;
        });
    }

    public FeedbackOptions withReasoning(double temperature, int maxTokens) {
        return with(o -> {
            o.reasoningTemperature = temperature;
            o.reasoningMaxTokens = maxTokens;
        });
    }

    /** A copy with {@code change} applied; the record's checks run on the result. */
    private FeedbackOptions with(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.options();
    }

    /** The options as fields to change, so that each {@code with} method names only what it changes. */
    private static final class Draft {
        int ensemble;
        boolean swap;
        boolean hardLabels;
        boolean chainOfThought;
        int reasoningSamples;
        double clampLow;
        double clampHigh;
        FewShotPrinciples fewShotPrinciples;

        @Nullable
        Integer fewShotExamples;

        double reasoningTemperature;
        int reasoningMaxTokens;

        Draft(FeedbackOptions o) {
            ensemble = o.ensemble;
            swap = o.swap;
            hardLabels = o.hardLabels;
            chainOfThought = o.chainOfThought;
            reasoningSamples = o.reasoningSamples;
            clampLow = o.clampLow;
            clampHigh = o.clampHigh;
            fewShotPrinciples = o.fewShotPrinciples;
            fewShotExamples = o.fewShotExamples;
            reasoningTemperature = o.reasoningTemperature;
            reasoningMaxTokens = o.reasoningMaxTokens;
        }

        FeedbackOptions options() {
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
                    reasoningTemperature,
                    reasoningMaxTokens);
        }
    }

    /**
     * One option from a run's parameters: missing or blank gives {@code fallback}; a value {@code parser} refuses fails
     * with the option's label on the start form, what it must be, and the value as given.
     */
    private static <T extends @Nullable Object> T option(
            Map<String, String> parameters, String key, T fallback, Parser<T> parser) {
        String text = parameters.getOrDefault(key, "").strip();
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return parser.parse().apply(text);
        } catch (IllegalArgumentException e) { // NumberFormatException included
            throw new IllegalArgumentException(
                    label(key) + " must be " + parser.expected() + ", not \"" + text + "\".", e);
        }
    }

    private static String label(String key) {
        return FORM.stream()
                .filter(p -> p.key().equals(key))
                .findFirst()
                .orElseThrow()
                .label();
    }

    /** How one kind of option is read from its (stripped, non-blank) text, and what it must be otherwise. */
    private record Parser<T extends @Nullable Object>(String expected, Function<String, T> parse) {

        static final Parser<Integer> WHOLE_NUMBER = new Parser<>("a whole number", Integer::parseInt);
        static final Parser<Double> NUMBER = new Parser<>("a number", text -> {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        });
        static final Parser<Boolean> FLAG =
                new Parser<>("true or false", text -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "false", "no", "0" -> false;
                    case "true", "yes", "1" -> true;
                    default -> throw new IllegalArgumentException();
                });
        static final Parser<FewShotPrinciples> FEW_SHOT_PRINCIPLES =
                new Parser<>("\"independent\" or \"question\"", text -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "independent" -> FewShotPrinciples.INDEPENDENT;
                    case "question" -> FewShotPrinciples.QUESTION;
                    default -> throw new IllegalArgumentException();
                });
        static final Parser<@Nullable Integer> FEW_SHOT_EXAMPLES = new Parser<>(
                "a number or \"all\"", text -> text.equalsIgnoreCase("all") ? null : Integer.parseInt(text));
    }
}
