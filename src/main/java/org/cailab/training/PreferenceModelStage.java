package org.cailab.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.SnapshotEvaluationService;
import org.cailab.model.engine.HhhEvaluation;
import org.cailab.model.engine.PreferenceExample;
import org.cailab.model.engine.PreferenceModel;
import org.cailab.model.engine.TrainingLoop;
import org.cailab.pipeline.ItemInput;
import org.cailab.pipeline.ItemResult;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunContext;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunLogLevel;
import org.cailab.pipeline.RunParameter;
import org.cailab.pipeline.RunPlan;
import org.cailab.pipeline.StageParameters;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Run type {@code pm-train}: the paper's preference model. A scalar head on a transformer initialised from the base
 * snapshot, trained with the soft-label Bradley-Terry loss on harmlessness pairs (AI feedback by default) mixed with
 * helpfulness pairs (imported human pairs by default) at a configured share; held-out loss and accuracy on the run
 * page; checkpoints and resume as for SL finetuning; the final model registered as a preference-model snapshot.
 */
@Component
class PreferenceModelStage implements TrainingStage {

    static final String TYPE = "pm-train";
    static final String HARMLESS_SOURCE = "harmlessnessSource";
    static final String HARMLESS_RUNS = "harmlessnessRuns";
    static final String HELPFUL_SOURCE = "helpfulnessSource";
    static final String HELPFUL_RUNS = "helpfulnessRuns";
    static final String HARMLESS_SHARE = "harmlessnessShare";
    static final double DEFAULT_LEARNING_RATE = 1e-5;
    static final int DEFAULT_BATCH = 32;

    private final ModelRegistry registry;
    private final ObjectProvider<PreferencePairs> pairs;
    private final TrainingRecorder training;
    private final ScalarHeadTrainer trainer;
    private final TrainingProperties properties;
    private final SnapshotEvaluationService snapshotEvaluations;

    PreferenceModelStage(
            ModelRegistry registry,
            ObjectProvider<PreferencePairs> pairs,
            TrainingRecorder training,
            ScalarHeadTrainer trainer,
            TrainingProperties properties,
            SnapshotEvaluationService snapshotEvaluations) {
        this.snapshotEvaluations = snapshotEvaluations;
        this.registry = registry;
        this.pairs = pairs;
        this.training = training;
        this.trainer = trainer;
        this.properties = properties;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String label() {
        return "Preference model training";
    }

    @Override
    public String description() {
        return "Trains a preference model (scalar head on the base snapshot) on labelled harmlessness and "
                + "helpfulness pairs with the soft-label Bradley-Terry loss.";
    }

    @Override
    public List<RunParameter> parameters() {
        List<RunParameter> form = new ArrayList<>();
        form.add(RunParameter.choice(
                HARMLESS_SOURCE,
                "Harmlessness source",
                "AI_FEEDBACK",
                List.of("AI_FEEDBACK", "HUMAN_IMPORT", "CROWD_VOTE"),
                "Where the harmlessness labels come from"));
        form.add(new RunParameter(
                HARMLESS_RUNS,
                "Harmlessness runs",
                "",
                "Ids of the runs or imports whose pairs to use, comma-separated (empty: all)"));
        form.add(RunParameter.choice(
                HELPFUL_SOURCE,
                "Helpfulness source",
                "HUMAN_IMPORT",
                List.of("HUMAN_IMPORT", "CROWD_VOTE", "AI_FEEDBACK"),
                "Where the helpfulness labels come from"));
        form.add(new RunParameter(
                HELPFUL_RUNS,
                "Helpfulness runs",
                "",
                "Ids of the runs or imports whose pairs to use, comma-separated (empty: all)"));
        form.add(RunParameter.decimal(
                HARMLESS_SHARE,
                "Harmlessness share",
                0.5,
                0,
                1,
                "Share of harmlessness pairs in the mix (the scarcer side is used in full)"));
        form.addAll(TrainingSettings.form(DEFAULT_LEARNING_RATE, DEFAULT_BATCH));
        return form;
    }

    @Override
    public RunPlan plan(RunConfig config) {
        TrainingPlans.Start start = TrainingPlans.start(
                config, registry, "base model of the preference model", DEFAULT_LEARNING_RATE, DEFAULT_BATCH);
        double share = TrainingSettings.decimal(config, HARMLESS_SHARE, 0.5, "Harmlessness share");
        if (!(share >= 0 && share <= 1)) {
            throw new RunException("Harmlessness share must be between 0 and 1.");
        }
        RunConfig recorded = start.record(config)
                .withParameter(HARMLESS_SOURCE, source(config, HARMLESS_SOURCE, "AI_FEEDBACK"))
                .withParameter(HELPFUL_SOURCE, source(config, HELPFUL_SOURCE, "HUMAN_IMPORT"))
                .withParameter(
                        HARMLESS_RUNS,
                        TrainingPlans.join(
                                TrainingPlans.runIds(config.parameter(HARMLESS_RUNS, ""), "Harmlessness runs")))
                .withParameter(
                        HELPFUL_RUNS,
                        TrainingPlans.join(
                                TrainingPlans.runIds(config.parameter(HELPFUL_RUNS, ""), "Helpfulness runs")))
                .withParameter(HARMLESS_SHARE, String.valueOf(share));
        int count = selectPairs(recorded).size();
        if (count < 2) {
            throw new RunException("The selection has " + count + " labelled pairs; training needs at least 2.");
        }
        return new RunPlan(recorded, TrainingPlans.singleItem());
    }

    private List<PreferencePairs.Labelled> selectPairs(RunConfig config) {
        PreferencePairs store = pairs.getIfAvailable();
        if (store == null) {
            throw new RunException("This build has no preference-pair store to train on.");
        }
        double share = StageParameters.of(config).decimal(HARMLESS_SHARE, 0.5);
        List<PreferencePairs.Labelled> harmless = share == 0
                ? List.of()
                : store.pairs(new PreferencePairs.Selection(
                        "HARMLESSNESS",
                        config.parameter(HARMLESS_SOURCE, "AI_FEEDBACK"),
                        TrainingPlans.runIds(config.parameter(HARMLESS_RUNS, ""), "Harmlessness runs")));
        List<PreferencePairs.Labelled> helpful = share == 1
                ? List.of()
                : store.pairs(new PreferencePairs.Selection(
                        "HELPFULNESS",
                        config.parameter(HELPFUL_SOURCE, "HUMAN_IMPORT"),
                        TrainingPlans.runIds(config.parameter(HELPFUL_RUNS, ""), "Helpfulness runs")));
        return PairMix.mix(harmless, helpful, share, config.seed());
    }

    private static String source(RunConfig config, String key, String fallback) {
        String value = config.parameter(key, fallback).strip().toUpperCase(Locale.ROOT);
        if (!List.of("AI_FEEDBACK", "HUMAN_IMPORT", "CROWD_VOTE", "SAMPLED").contains(value)) {
            throw new RunException(
                    "A pair source is AI_FEEDBACK, HUMAN_IMPORT, CROWD_VOTE or SAMPLED, was \"" + value + "\".");
        }
        return value;
    }

    @Override
    public ItemResult process(RunContext context, ItemInput item) throws Exception {
        RunConfig config = context.config();
        TrainingSettings settings = TrainingSettings.of(config, DEFAULT_LEARNING_RATE, DEFAULT_BATCH);
        return trainer.train(context, settings, "preference model", new ScalarHeadTrainer.Task<PreferenceExample>() {
            @Override
            public List<PreferenceExample> examples(PreferenceModel pm, TrainingSettings s) {
                List<PreferenceExample> examples = new ArrayList<>();
                for (PreferencePairs.Labelled p : selectPairs(config)) {
                    examples.add(new PreferenceExample(
                            ScalarHeadTrainer.tail(pm.encode(p.conversation(), p.responseA()), s.maxLength()),
                            ScalarHeadTrainer.tail(pm.encode(p.conversation(), p.responseB()), s.maxLength()),
                            p.probabilityA()));
                }
                return examples;
            }

            @Override
            public TrainingLoop<PreferenceExample> loop(
                    TrainingLoop.Settings loop, PreferenceModel pm, TrainingSettings s) {
                return TrainingLoop.preferenceModel(loop, pm, s.microBatchSize());
            }

            @Override
            public String unit() {
                return "pairs";
            }

            @Override
            public void finished(PreferenceModel pm, int steps, Map<String, Object> result) throws IOException {
                evaluateHhh(pm, context, steps, settings, result);
            }

            @Override
            public void registered(ModelSnapshot snapshot, Map<String, Object> result) {
                if (result.get("hhhAccuracy") instanceof Double accuracy
                        && result.get("hhhComparisons") instanceof Integer comparisons
                        && comparisons > 0) {
                    // stored with the snapshot too, so the Models page shows it beside the model
                    snapshotEvaluations.record(
                            snapshot.id(),
                            String.valueOf(result.get("hhhEvaluation")),
                            (int) Math.round(accuracy * comparisons),
                            comparisons,
                            context.runId());
                }
            }
        });
    }

    /** The paper's standard PM evaluation on the HHH comparisons, when {@code cailab.training.hhh-file} names them. */
    private void evaluateHhh(
            PreferenceModel pm, RunContext context, int step, TrainingSettings settings, Map<String, Object> result)
            throws java.io.IOException {
        String file = properties.hhhFile();
        if (file == null || file.isBlank()) {
            return;
        }
        Path path = Path.of(file);
        if (!java.nio.file.Files.isRegularFile(path)) {
            context.log(RunLogLevel.WARN, "HHH evaluation skipped: " + path.toAbsolutePath() + " does not exist.");
            return;
        }
        HhhEvaluation.Result r =
                HhhEvaluation.evaluate(pm, HhhEvaluation.read(path), settings.microBatchSize(), settings.maxLength());
        training.hhh(context.runId(), step, r.accuracy(), r.comparisons());
        result.put("hhhAccuracy", r.accuracy());
        result.put("hhhComparisons", r.comparisons());
        result.put("hhhEvaluation", path.getFileName().toString());
        context.log(
                RunLogLevel.INFO,
                String.format(
                        Locale.ROOT,
                        "HHH evaluation: %.1f%% of %d comparisons correct.",
                        100 * r.accuracy(),
                        r.comparisons()));
    }
}
