package org.cailab.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cailab.constitution.Choice;
import org.cailab.constitution.PromptFormats;
import org.cailab.feedback.FeedbackOptions;
import org.cailab.model.ModelService;
import org.cailab.model.ModelSnapshot;
import org.cailab.pipeline.ItemInput;
import org.cailab.pipeline.RouteTarget;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunContext;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunInput;
import org.cailab.pipeline.RunLink;
import org.cailab.pipeline.RunParameter;
import org.cailab.pipeline.RunPlan;
import org.cailab.pipeline.RunStage;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Run type {@code mc-eval}: answers a stored evaluation set with a snapshot (the paper's Figures 4 and 9). The items
 * go in batches of {@link #BATCH}; each batch's output holds every item's option probabilities, log-probabilities
 * and correctness, and the run's accuracy and calibration are computed from those outputs
 * ({@link EvaluationSetService#results}). Processing is pure scoring, so a redone batch gives the same output.
 */
@Component
class McEvalStage implements RunStage {

    static final String TYPE = "mc-eval";
    static final String SET = "evaluationSet";
    static final String SET_ID = "evaluationSetId";
    static final String LIMIT = "limit";
    static final String SNAPSHOT_NAME = "snapshotName";
    static final int BATCH = 16;
    /** The labelling settings that apply to an evaluation's chain of thought (no principles, ensembles or swaps). */
    private static final Set<String> REASONING_KEYS = Set.of(
            FeedbackOptions.CHAIN_OF_THOUGHT,
            FeedbackOptions.REASONING_SAMPLES,
            FeedbackOptions.CLAMP_LOW,
            FeedbackOptions.CLAMP_HIGH,
            FeedbackOptions.REASONING_TEMPERATURE,
            FeedbackOptions.REASONING_MAX_TOKENS);

    private final JooqEvaluationSetRepository sets;
    private final ModelService models;

    McEvalStage(JooqEvaluationSetRepository sets, ModelService models) {
        this.sets = sets;
        this.models = models;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String label() {
        return "Multiple-choice evaluation";
    }

    @Override
    public String description() {
        return "Scores every option of each item of an evaluation set with the model (log-probability after the "
                + "prompt, normalised over the item's options) and reports accuracy and calibration.";
    }

    @Override
    public List<RunInput> inputs() {
        return List.of(RunInput.snapshot("Evaluated model"));
    }

    @Override
    public List<RunParameter> parameters() {
        // the sets are listed by name when the form opens (a new set shows up on the next opening)
        List<String> names = sets.findAll().stream().map(EvaluationSet::name).toList();
        List<RunParameter> out = new ArrayList<>(List.of(
                new RunParameter(
                        SET,
                        "Evaluation set",
                        "",
                        "An uploaded " + "file of {prompt, corrects, incorrects} items (page Evaluations)",
                        RunParameter.Kind.CHOICE,
                        null,
                        null,
                        names),
                RunParameter.integer(LIMIT, "Items", 0, 0, 1_000_000, "Only the first N items; 0: all")));
        // chain of thought with the labelling settings (two-option items in the paper's format only)
        FeedbackOptions d = FeedbackOptions.defaults();
        out.add(RunParameter.flag(
                FeedbackOptions.CHAIN_OF_THOUGHT,
                "Chain of thought",
                false,
                "The model reasons step by step before answering (two-option items in the paper's format)"));
        out.add(RunParameter.integer(
                FeedbackOptions.REASONING_SAMPLES,
                "Reasonings per item",
                d.reasoningSamples(),
                1,
                FeedbackOptions.MAX_REASONING_SAMPLES,
                "Chain of thought: sampled reasonings averaged per item"));
        out.add(RunParameter.decimal(
                FeedbackOptions.CLAMP_LOW,
                "Clamp low",
                d.clampLow(),
                0,
                0.5,
                "Chain of thought: lowest probability kept"));
        out.add(RunParameter.decimal(
                FeedbackOptions.CLAMP_HIGH,
                "Clamp high",
                d.clampHigh(),
                0.5,
                1,
                "Chain of thought: highest probability kept"));
        out.add(RunParameter.decimal(
                FeedbackOptions.REASONING_TEMPERATURE,
                "Reasoning temperature",
                d.reasoningTemperature(),
                0,
                5,
                "Chain of thought: sampling temperature of the reasoning"));
        out.add(RunParameter.integer(
                FeedbackOptions.REASONING_MAX_TOKENS,
                "Reasoning max tokens",
                d.reasoningMaxTokens(),
                1,
                4096,
                "Chain of thought: the longest reasoning"));
        return out;
    }

    @Override
    public RunConfig.Execution defaultExecution() {
        return new RunConfig.Execution(2, 3, 5);
    }

    @Override
    public String itemsLabel() {
        return "batches";
    }

    @Override
    public List<RunLink> links(Run run) {
        return List.of(new RunLink("Evaluation results", RouteTarget.Page.of("evaluations")));
    }

    @Override
    public RunPlan plan(RunConfig config) {
        String name = config.parameter(SET, "").strip();
        if (name.isEmpty()) {
            throw new RunException("Choose an evaluation set (upload one on the Evaluations page).");
        }
        EvaluationSet set = sets.findByName(name)
                .orElseThrow(() -> new RunException("There is no evaluation set named \"" + name + "\"."));
        ModelSnapshot snapshot = snapshot(config.modelSnapshots());
        int limit;
        try {
            limit = Integer.parseInt(config.parameter(LIMIT, "0").strip());
        } catch (NumberFormatException e) {
            throw new RunException("Items must be a whole number, not \"" + config.parameter(LIMIT, "") + "\".");
        }
        if (limit < 0) {
            throw new RunException("Items must be 0 (all) or more, not " + limit + ".");
        }
        List<EvalItem> items = sets.items(set.id());
        if (limit > 0 && limit < items.size()) {
            items = items.subList(0, limit);
        }
        FeedbackOptions reasoning = reasoning(config);
        if (reasoning != null) {
            for (int i = 0; i < items.size(); i++) {
                checkReasoningItem(i, items.get(i));
            }
        }
        List<ItemInput> inputs = new ArrayList<>();
        for (int from = 0; from < items.size(); from += BATCH) {
            List<EvalItem> batch = items.subList(from, Math.min(items.size(), from + BATCH));
            inputs.add(ItemInput.of("items-%06d".formatted(from), new EvaluationBatch(from, List.copyOf(batch))));
        }
        RunConfig recorded = config;
        if (reasoning != null) {
            for (var e : reasoning.toParameters().entrySet()) {
                if (REASONING_KEYS.contains(e.getKey())) {
                    recorded = recorded.withParameter(e.getKey(), e.getValue());
                }
            }
        }
        recorded = recorded.withModelSnapshots(List.of(String.valueOf(snapshot.id())))
                .withParameter(SET, set.name())
                .withParameter(SET_ID, String.valueOf(set.id()))
                .withParameter(LIMIT, String.valueOf(limit))
                .withParameter(SNAPSHOT_NAME, snapshot.name());
        return new RunPlan(recorded, inputs);
    }

    @Override
    public org.cailab.pipeline.ItemResult process(RunContext context, ItemInput item) {
        long snapshotId = Long.parseLong(context.config().modelSnapshots().getFirst());
        EvaluationBatch batch = item.as(EvaluationBatch.class);
        MultipleChoiceEvaluator evaluator = new MultipleChoiceEvaluator(
                new ModelServiceOptionScorer(models, snapshotId),
                reasoning(context.config()),
                context.config().seed());
        List<ItemResult> results = new ArrayList<>(batch.items().size());
        for (int i = 0; i < batch.items().size(); i++) {
            results.add(evaluator.evaluate(batch.from() + i, batch.items().get(i)));
        }
        return org.cailab.pipeline.ItemResult.of(new EvaluationBatchOutput(results));
    }

    /** The chain-of-thought settings, or null when the run scores the prompts as they are. */
    private static @Nullable FeedbackOptions reasoning(RunConfig config) {
        FeedbackOptions options;
        try {
            options = FeedbackOptions.fromParameters(config.parameters());
        } catch (IllegalArgumentException e) {
            throw new RunException(e.getMessage());
        }
        return options.chainOfThought() ? options : null;
    }

    private static void checkReasoningItem(int index, EvalItem item) {
        if (item.options().size() != 2 || !item.options().containsAll(List.of(Choice.A.answer(), Choice.B.answer()))) {
            throw new RunException("Chain of thought needs the options \" (A)\" and \" (B)\"; item " + (index + 1)
                    + " has " + item.options() + ".");
        }
        try {
            PromptFormats.parseMultipleChoice(item.prompt());
        } catch (RuntimeException e) {
            throw new RunException("Chain of thought needs prompts in the paper's multiple-choice format; item "
                    + (index + 1) + ": " + e.getMessage());
        }
    }

    private ModelSnapshot snapshot(List<String> refs) {
        if (refs.isEmpty() || refs.getFirst().isBlank()) {
            throw new RunException("Choose the model to evaluate.");
        }
        String ref = refs.getFirst().strip();
        if (ref.chars().allMatch(Character::isDigit)) {
            return models.snapshot(Long.parseLong(ref))
                    .orElseThrow(() -> new RunException("There is no model snapshot " + ref + "."));
        }
        return models.snapshots().stream()
                .filter(s -> s.name().equals(ref))
                .findFirst()
                .orElseThrow(() -> new RunException("There is no model snapshot named \"" + ref + "\"."));
    }
}
