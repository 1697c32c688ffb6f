package org.cailab.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.engine.CheckpointStore;
import org.cailab.model.engine.DataOrder;
import org.cailab.model.engine.EngineThreads;
import org.cailab.model.engine.LlamaModel;
import org.cailab.model.engine.TextTokenizer;
import org.cailab.model.engine.Trainer;
import org.cailab.model.engine.TrainingExample;
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
import org.springframework.stereotype.Component;

/**
 * Run type {@code sl-finetune}: finetunes a base snapshot on the SL-CAI data of one or more SL-CAI runs at round n
 * (the paper's SL-CAI model), loss on the response tokens only. One item trains the whole run; a crash or a pause
 * redoes it from the last checkpoint with the same step count and data order (decision 0081).
 */
@Component
class SlFinetuningStage implements TrainingStage {

    static final String TYPE = "sl-finetune";
    static final String SL_CAI_RUNS = "slCaiRuns";
    static final String ROUND = "round";
    static final String INCLUDE_TRUNCATED = "includeTruncated";
    static final double DEFAULT_LEARNING_RATE = 1e-5;
    static final int DEFAULT_BATCH = 32;

    private final ModelRegistry registry;
    private final SlTrainingData data;
    private final TrainingRecorder training;
    private final TrainingDirectories directories;

    SlFinetuningStage(
            ModelRegistry registry, SlTrainingData data, TrainingRecorder training, TrainingDirectories directories) {
        this.registry = registry;
        this.data = data;
        this.training = training;
        this.directories = directories;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String label() {
        return "SL finetuning";
    }

    @Override
    public String description() {
        return "Finetunes the base snapshot (first model snapshot) on the revisions of SL-CAI runs: the SL-CAI model.";
    }

    @Override
    public List<RunParameter> parameters() {
        List<RunParameter> form = new ArrayList<>();
        form.add(RunParameter.runs(SL_CAI_RUNS, "SL-CAI runs", "sl-cai", "Finished SL-CAI runs to train on"));
        form.add(RunParameter.integer(ROUND, "Round", 4, 1, 16, "Train on the revisions up to this round (SL-CAI-n)"));
        form.add(RunParameter.flag(
                INCLUDE_TRUNCATED,
                "Include truncated samples",
                false,
                "Also train on samples that stopped at the token limit"));
        form.addAll(TrainingSettings.form(DEFAULT_LEARNING_RATE, DEFAULT_BATCH));
        return form;
    }

    @Override
    public RunPlan plan(RunConfig config) {
        TrainingPlans.Start start =
                TrainingPlans.start(config, registry, "base model", DEFAULT_LEARNING_RATE, DEFAULT_BATCH);
        List<Long> runs = TrainingPlans.runIds(config.parameter(SL_CAI_RUNS, ""), "SL-CAI runs");
        if (runs.isEmpty()) {
            throw new RunException("Choose at least one SL-CAI run to train on.");
        }
        int round = TrainingSettings.integer(config, ROUND, 4, "Round");
        boolean truncated = Boolean.parseBoolean(
                config.parameter(INCLUDE_TRUNCATED, "false").strip());
        int examples = data.examples(runs, round, truncated).size();
        if (examples < 2) {
            throw new RunException("The chosen SL-CAI runs have " + examples + " examples at round " + round
                    + "; training needs at least 2.");
        }
        RunConfig recorded = start.record(config)
                .withParameter(SL_CAI_RUNS, TrainingPlans.join(runs))
                .withParameter(ROUND, String.valueOf(round))
                .withParameter(INCLUDE_TRUNCATED, String.valueOf(truncated));
        return new RunPlan(recorded, TrainingPlans.singleItem());
    }

    @Override
    public ItemResult process(RunContext context, ItemInput item) throws Exception {
        EngineThreads.forTraining(); // the same float sums in whichever instance resumes the run
        RunConfig config = context.config();
        TrainingSettings settings = TrainingSettings.of(config, DEFAULT_LEARNING_RATE, DEFAULT_BATCH);
        ModelSnapshot base = registry.find(java.util.Objects.requireNonNull(TrainingPlans.baseSnapshotId(config)))
                .orElseThrow(() -> new RunException("The base snapshot of this run no longer exists."));
        Path baseDir = Path.of(base.location());
        List<SlTrainingData.PromptCompletion> texts = data.examples(
                TrainingPlans.runIds(config.parameter(SL_CAI_RUNS, ""), "SL-CAI runs"),
                TrainingSettings.integer(config, ROUND, 4, "Round"),
                StageParameters.of(config).flag(INCLUDE_TRUNCATED, false));
        List<TrainingExample> examples = tokenize(baseDir, texts, settings.maxLength(), context);
        DataOrder.Split<TrainingExample> split = DataOrder.split(examples, settings.heldOutFraction(), config.seed());
        DataOrder order = new DataOrder(split.train().size(), settings.batchSize(), settings.epochs(), config.seed());
        CheckpointStore store = directories.checkpoints(context.runId());
        Optional<Path> latest = store.latest();
        try (LlamaModel model = LlamaModel.load(latest.orElse(baseDir), directories.device());
                Trainer trainer = latest.isPresent()
                        ? Trainer.resume(model, settings.trainingConfig(order.totalSteps()), latest.get())
                        : new Trainer(model, settings.trainingConfig(order.totalSteps()))) {
            training.forgetAfter(context.runId(), trainer.step());
            context.log(
                    RunLogLevel.INFO,
                    (latest.isPresent() ? "Resuming at step " + trainer.step() : "Starting")
                            + ": " + split.train().size() + " training and "
                            + split.heldOut().size()
                            + " held-out examples, " + order.totalSteps() + " steps.");
            TrainingLoop.Outcome outcome = TrainingLoop.finetuning(
                            new TrainingLoop.Settings(order, settings.evalEvery(), settings.checkpointEvery()), trainer)
                    .run(
                            trainer,
                            split.train(),
                            split.heldOut(),
                            store,
                            baseDir,
                            new RecordingListener(training, context, order.totalSteps()),
                            context::stopRequested);
            if (outcome == TrainingLoop.Outcome.STOPPED) {
                throw new RunException("Stopped at step " + trainer.step() + "; the run continues from its last "
                        + "checkpoint when it is resumed.");
            }
        }
        ModelSnapshot snapshot = training.register(context.runId(), config, order.totalSteps());
        context.log(RunLogLevel.INFO, "Registered the final model as snapshot \"" + snapshot.name() + "\".");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("steps", order.totalSteps());
        result.put("snapshotId", snapshot.id());
        result.put("snapshotName", snapshot.name());
        result.put("trainExamples", split.train().size());
        result.put("heldOutExamples", split.heldOut().size());
        return ItemResult.of(result);
    }

    private static List<TrainingExample> tokenize(
            Path baseDir, List<SlTrainingData.PromptCompletion> texts, int maxLength, RunContext context) {
        List<TrainingExample> examples = new ArrayList<>();
        int dropped = 0;
        try (TextTokenizer tokenizer = TextTokenizer.load(baseDir)) {
            for (SlTrainingData.PromptCompletion t : texts) {
                TrainingExample e = TrainingExample.promptCompletion(
                                tokenizer.encode(t.prompt(), true), tokenizer.encode(t.completion(), false))
                        .truncated(maxLength);
                if (e == null) {
                    dropped++;
                } else {
                    examples.add(e);
                }
            }
        }
        if (dropped > 0) {
            context.log(
                    RunLogLevel.WARN,
                    dropped + " examples left out: their prompt fills the max length of " + maxLength + " tokens.");
        }
        if (examples.size() < 2) {
            throw new RunException("Only " + examples.size() + " examples fit the max length of " + maxLength + ".");
        }
        return examples;
    }
}
