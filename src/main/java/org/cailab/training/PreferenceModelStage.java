package org.cailab.training;

import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.SnapshotEvaluationService;
import org.cailab.model.engine.EngineThreads;
import org.cailab.model.engine.CheckpointStore;
import org.cailab.model.engine.DataOrder;
import org.cailab.model.engine.HhhEvaluation;
import org.cailab.model.engine.PreferenceExample;
import org.cailab.model.engine.PreferenceModel;
import org.cailab.model.engine.Trainer;
import org.cailab.model.engine.TrainingLoop;
import org.cailab.pipeline.ItemInput;
import org.cailab.pipeline.ItemResult;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunContext;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunLink;
import org.cailab.pipeline.RunLogLevel;
import org.cailab.pipeline.RunParameter;
import org.cailab.pipeline.RunPlan;
import org.cailab.pipeline.RunStage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Run type {@code pm-train}: the paper's preference model. A scalar head on a transformer initialised from the base
 * snapshot, trained with the soft-label Bradley-Terry loss on harmlessness pairs (AI feedback by default) mixed with
 * helpfulness pairs (imported human pairs by default) at a configured share; held-out loss and accuracy on the run
 * page; checkpoints and resume as for SL finetuning; the final model registered as a preference-model snapshot.
 */
@Component
class PreferenceModelStage implements RunStage {

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
    private final TrainingDirectories directories;
    private final TrainingProperties properties;
    private final SnapshotEvaluationService snapshotEvaluations;

    PreferenceModelStage(ModelRegistry registry, ObjectProvider<PreferencePairs> pairs, TrainingRecorder training,
                         TrainingDirectories directories, TrainingProperties properties,
                         SnapshotEvaluationService snapshotEvaluations) {
        this.snapshotEvaluations = snapshotEvaluations;
        this.registry = registry;
        this.pairs = pairs;
        this.training = training;
        this.directories = directories;
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
    public List<String> modelRoles() {
        return List.of("Base model");
    }

    @Override
    public List<RunParameter> parameters() {
        List<RunParameter> form = new ArrayList<>();
        form.add(RunParameter.choice(HARMLESS_SOURCE, "Harmlessness source", "AI_FEEDBACK",
                List.of("AI_FEEDBACK", "HUMAN_IMPORT", "CROWD_VOTE"), "Where the harmlessness labels come from"));
        form.add(new RunParameter(HARMLESS_RUNS, "Harmlessness runs", "",
                "Ids of the runs or imports whose pairs to use, comma-separated (empty: all)"));
        form.add(RunParameter.choice(HELPFUL_SOURCE, "Helpfulness source", "HUMAN_IMPORT",
                List.of("HUMAN_IMPORT", "CROWD_VOTE", "AI_FEEDBACK"), "Where the helpfulness labels come from"));
        form.add(new RunParameter(HELPFUL_RUNS, "Helpfulness runs", "",
                "Ids of the runs or imports whose pairs to use, comma-separated (empty: all)"));
        form.add(RunParameter.decimal(HARMLESS_SHARE, "Harmlessness share", 0.5, 0, 1,
                "Share of harmlessness pairs in the mix (the scarcer side is used in full)"));
        form.addAll(TrainingSettings.form(DEFAULT_LEARNING_RATE, DEFAULT_BATCH));
        return form;
    }

    @Override
    public RunConfig.Execution defaultExecution() {
        return new RunConfig.Execution(1, 20, 5);
    }

    @Override
    public String itemsLabel() {
        return "training runs";
    }

    @Override
    public List<RunLink> links(Run run) {
        return List.of(new RunLink("Training curves and checkpoints", "runs/" + run.id() + "/training", false));
    }

    @Override
    public RunPlan plan(RunConfig config) {
        ModelSnapshot base = TrainingPlans.resolveBase(config, registry, "base model of the preference model");
        TrainingSettings settings = TrainingSettings.of(config, DEFAULT_LEARNING_RATE, DEFAULT_BATCH);
        double share = TrainingSettings.decimal(config, HARMLESS_SHARE, 0.5, "Harmlessness share");
        if (!(share >= 0 && share <= 1)) {
            throw new RunException("Harmlessness share must be between 0 and 1.");
        }
        RunConfig recorded = settings.writeTo(config)
                .withModelSnapshots(List.of(String.valueOf(base.id())))
                .withParameter(TrainingPlans.BASE_NAME, base.name())
                .withParameter(HARMLESS_SOURCE, source(config, HARMLESS_SOURCE, "AI_FEEDBACK"))
                .withParameter(HELPFUL_SOURCE, source(config, HELPFUL_SOURCE, "HUMAN_IMPORT"))
                .withParameter(HARMLESS_RUNS, TrainingPlans.join(TrainingPlans.runIds(
                        config.parameter(HARMLESS_RUNS, ""), "Harmlessness runs")))
                .withParameter(HELPFUL_RUNS, TrainingPlans.join(TrainingPlans.runIds(
                        config.parameter(HELPFUL_RUNS, ""), "Helpfulness runs")))
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
        double share = Double.parseDouble(config.parameter(HARMLESS_SHARE, "0.5"));
        List<PreferencePairs.Labelled> harmless = share == 0 ? List.of() : store.pairs(new PreferencePairs.Selection(
                "HARMLESSNESS", config.parameter(HARMLESS_SOURCE, "AI_FEEDBACK"),
                TrainingPlans.runIds(config.parameter(HARMLESS_RUNS, ""), "Harmlessness runs")));
        List<PreferencePairs.Labelled> helpful = share == 1 ? List.of() : store.pairs(new PreferencePairs.Selection(
                "HELPFULNESS", config.parameter(HELPFUL_SOURCE, "HUMAN_IMPORT"),
                TrainingPlans.runIds(config.parameter(HELPFUL_RUNS, ""), "Helpfulness runs")));
        return PairMix.mix(harmless, helpful, share, config.seed());
    }

    private static String source(RunConfig config, String key, String fallback) {
        String value = config.parameter(key, fallback).strip().toUpperCase(Locale.ROOT);
        if (!List.of("AI_FEEDBACK", "HUMAN_IMPORT", "CROWD_VOTE", "SAMPLED").contains(value)) {
            throw new RunException("A pair source is AI_FEEDBACK, HUMAN_IMPORT, CROWD_VOTE or SAMPLED, was \""
                    + value + "\".");
        }
        return value;
    }

    @Override
    public ItemResult process(RunContext context, ItemInput item) throws Exception {
        EngineThreads.forTraining(); // the same float sums in whichever instance resumes the run
        RunConfig config = context.config();
        TrainingSettings settings = TrainingSettings.of(config, DEFAULT_LEARNING_RATE, DEFAULT_BATCH);
        ModelSnapshot base = registry.find(Objects.requireNonNull(TrainingPlans.baseSnapshotId(config)))
                .orElseThrow(() -> new RunException("The base snapshot of this run no longer exists."));
        Path baseDir = Path.of(base.location());
        List<PreferencePairs.Labelled> selected = selectPairs(config);
        CheckpointStore store = directories.checkpoints(context.runId());
        Optional<Path> latest = store.latest();
        try (PreferenceModel pm = latest.isPresent() ? PreferenceModel.load(latest.get(), directories.device())
                : PreferenceModel.initialize(baseDir, directories.device(), config.seed())) {
            List<PreferenceExample> examples = new ArrayList<>();
            for (PreferencePairs.Labelled p : selected) {
                examples.add(new PreferenceExample(tail(pm.encode(p.conversation(), p.responseA()), settings.maxLength()),
                        tail(pm.encode(p.conversation(), p.responseB()), settings.maxLength()), p.probabilityA()));
            }
            DataOrder.Split<PreferenceExample> split = DataOrder.split(examples, settings.heldOutFraction(),
                    config.seed());
            DataOrder order = new DataOrder(split.train().size(), settings.batchSize(), settings.epochs(),
                    config.seed());
            try (Trainer trainer = latest.isPresent()
                    ? Trainer.resume(pm, settings.trainingConfig(order.totalSteps()), latest.get())
                    : new Trainer(pm, settings.trainingConfig(order.totalSteps()))) {
                training.forgetAfter(context.runId(), trainer.step());
                context.log(RunLogLevel.INFO, (latest.isPresent() ? "Resuming at step " + trainer.step() : "Starting")
                        + ": " + split.train().size() + " training and " + split.heldOut().size()
                        + " held-out pairs, " + order.totalSteps() + " steps.");
                TrainingLoop.Outcome outcome = TrainingLoop.preferenceModel(
                                new TrainingLoop.Settings(order, settings.evalEvery(), settings.checkpointEvery()), pm,
                                settings.microBatchSize())
                        .run(trainer, split.train(), split.heldOut(), store, baseDir,
                                new RecordingListener(training, context, order.totalSteps()), context::stopRequested);
                if (outcome == TrainingLoop.Outcome.STOPPED) {
                    throw new RunException("Stopped at step " + trainer.step() + "; the run continues from its last "
                            + "checkpoint when it is resumed.");
                }
                Map<String, Object> result = new LinkedHashMap<>();
                evaluateHhh(pm, context, order.totalSteps(), settings, result);
                ModelSnapshot snapshot = training.register(context.runId(), config, order.totalSteps());
                context.log(RunLogLevel.INFO, "Registered the preference model as snapshot \"" + snapshot.name()
                        + "\".");
                if (result.get("hhhAccuracy") instanceof Double accuracy
                        && result.get("hhhComparisons") instanceof Integer comparisons && comparisons > 0) {
                    // stored with the snapshot too, so the Models page shows it beside the model
                    snapshotEvaluations.record(snapshot.id(), String.valueOf(result.get("hhhEvaluation")),
                            (int) Math.round(accuracy * comparisons), comparisons, context.runId());
                }
                result.put("steps", order.totalSteps());
                result.put("snapshotId", snapshot.id());
                result.put("snapshotName", snapshot.name());
                result.put("trainPairs", split.train().size());
                result.put("heldOutPairs", split.heldOut().size());
                return ItemResult.of(result);
            }
        }
    }

    /** The paper's standard PM evaluation on the HHH comparisons, when {@code cailab.training.hhh-file} names them. */
    private void evaluateHhh(PreferenceModel pm, RunContext context, int step, TrainingSettings settings,
                             Map<String, Object> result) throws java.io.IOException {
        String file = properties.hhhFile();
        if (file == null || file.isBlank()) {
            return;
        }
        Path path = Path.of(file);
        if (!java.nio.file.Files.isRegularFile(path)) {
            context.log(RunLogLevel.WARN, "HHH evaluation skipped: " + path.toAbsolutePath() + " does not exist.");
            return;
        }
        HhhEvaluation.Result r = HhhEvaluation.evaluate(pm, HhhEvaluation.read(path), settings.microBatchSize(),
                settings.maxLength());
        training.hhh(context.runId(), step, r.accuracy(), r.comparisons());
        result.put("hhhAccuracy", r.accuracy());
        result.put("hhhComparisons", r.comparisons());
        result.put("hhhEvaluation", path.getFileName().toString());
        context.log(RunLogLevel.INFO, String.format(Locale.ROOT, "HHH evaluation: %.1f%% of %d comparisons correct.",
                100 * r.accuracy(), r.comparisons()));
    }

    /** The last {@code max} tokens: the reward is read at the end, so a long conversation loses its beginning. */
    private static long[] tail(long[] ids, int max) {
        return ids.length <= max ? ids : Arrays.copyOfRange(ids, ids.length - max, ids.length);
    }
}
