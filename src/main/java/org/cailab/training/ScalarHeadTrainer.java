package org.cailab.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.engine.CheckpointStore;
import org.cailab.model.engine.DataOrder;
import org.cailab.model.engine.EngineThreads;
import org.cailab.model.engine.PreferenceModel;
import org.cailab.model.engine.Trainer;
import org.cailab.model.engine.TrainingLoop;
import org.cailab.pipeline.ItemResult;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunContext;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunLogLevel;
import org.springframework.stereotype.Component;

/**
 * The training item shared by the scalar-head stages (preference model {@code pm-train}, harm predictor
 * {@code harm-train}): load the model from the run's latest checkpoint or initialise it from the base snapshot, split
 * the examples with the run's seed, train in {@link DataOrder} with curves and checkpoints (decision 0081), and
 * register the final checkpoint. The stages differ only in their examples, loss and evaluation ({@link Task}).
 */
@Component
class ScalarHeadTrainer {

    /** What one scalar-head stage trains on and how. */
    interface Task<T> {

        /** The training examples, tokenised by the model (the same list, in the same order, on every attempt). */
        List<T> examples(PreferenceModel model, TrainingSettings settings);

        /** The loop: step function and held-out evaluation. */
        TrainingLoop<T> loop(TrainingLoop.Settings loopSettings, PreferenceModel model, TrainingSettings settings);

        /** What the examples are, in the plural, for the run log ("pairs"). */
        String unit();

        /** Anything to evaluate or record on the final model before it is registered (into {@code result}). */
        default void finished(PreferenceModel model, int steps, Map<String, Object> result) throws IOException {}

        /** Anything to record about the registered final model (what {@link #finished} put in {@code result}). */
        default void registered(ModelSnapshot snapshot, Map<String, Object> result) {}
    }

    private final ModelRegistry registry;
    private final TrainingRecorder training;
    private final TrainingDirectories directories;

    ScalarHeadTrainer(ModelRegistry registry, TrainingRecorder training, TrainingDirectories directories) {
        this.registry = registry;
        this.training = training;
        this.directories = directories;
    }

    <T> ItemResult train(RunContext context, TrainingSettings settings, String what, Task<T> task) throws Exception {
        EngineThreads.forTraining(); // the same float sums in whichever instance resumes the run
        RunConfig config = context.config();
        ModelSnapshot base = registry.find(Objects.requireNonNull(TrainingPlans.baseSnapshotId(config)))
                .orElseThrow(() -> new RunException("The base snapshot of this run no longer exists."));
        Path baseDir = Path.of(base.location());
        CheckpointStore store = directories.checkpoints(context.runId());
        Optional<Path> latest = store.latest();
        try (PreferenceModel model = latest.isPresent()
                ? PreferenceModel.load(latest.get(), directories.device())
                : PreferenceModel.initialize(baseDir, directories.device(), config.seed())) {
            List<T> examples = task.examples(model, settings);
            DataOrder.Split<T> split = DataOrder.split(examples, settings.heldOutFraction(), config.seed());
            DataOrder order =
                    new DataOrder(split.train().size(), settings.batchSize(), settings.epochs(), config.seed());
            try (Trainer trainer = latest.isPresent()
                    ? Trainer.resume(model, settings.trainingConfig(order.totalSteps()), latest.get())
                    : new Trainer(model, settings.trainingConfig(order.totalSteps()))) {
                training.forgetAfter(context.runId(), trainer.step());
                context.log(
                        RunLogLevel.INFO,
                        (latest.isPresent() ? "Resuming at step " + trainer.step() : "Starting")
                                + ": " + split.train().size() + " training and "
                                + split.heldOut().size()
                                + " held-out " + task.unit() + ", " + order.totalSteps() + " steps.");
                TrainingLoop.Outcome outcome = task.loop(
                                new TrainingLoop.Settings(order, settings.evalEvery(), settings.checkpointEvery()),
                                model,
                                settings)
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
                Map<String, Object> result = new LinkedHashMap<>();
                task.finished(model, order.totalSteps(), result);
                ModelSnapshot snapshot = training.register(context.runId(), config, order.totalSteps());
                context.log(RunLogLevel.INFO, "Registered the " + what + " as snapshot \"" + snapshot.name() + "\".");
                task.registered(snapshot, result);
                result.put("steps", order.totalSteps());
                result.put("snapshotId", snapshot.id());
                result.put("snapshotName", snapshot.name());
                result.put("train" + capitalized(task.unit()), split.train().size());
                result.put("heldOut" + capitalized(task.unit()), split.heldOut().size());
                return ItemResult.of(result);
            }
        }
    }

    /** The last {@code max} tokens: the score is read at the end, so a long conversation loses its beginning. */
    static long[] tail(long[] ids, int max) {
        return ids.length <= max ? ids : Arrays.copyOfRange(ids, ids.length - max, ids.length);
    }

    private static String capitalized(String unit) {
        return Character.toUpperCase(unit.charAt(0)) + unit.substring(1);
    }
}
