package org.cailab.model.engine;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The child JVM of {@link CrossProcessResumeTest}: trains a tiny model in a fresh thread (as a pipeline worker does)
 * with the app's thread settings, held-out evaluation and checkpoints.
 *
 * <p>Arguments: the work directory, then {@code full} (train to the end in {@code full/}), {@code stop} (train in
 * {@code run/} until step 7, the last checkpoint being step 5) or {@code resume} (continue {@code run/} from its latest
 * checkpoint to the end, after allocating native memory so that this process's addresses differ from the others').
 */
public final class ResumeInChildProcess {

    static final int EXAMPLES = 12;
    static final int CHECKPOINT_EVERY = 5;
    static final int STOP_AT = 7;

    private ResumeInChildProcess() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String mode = args[1];
        EngineThreads.configure(0, 1, 1);
        List<ByteBuffer> ballast = new ArrayList<>();
        if (mode.equals("resume")) {
            Random random = new Random(ProcessHandle.current().pid());
            for (int i = 0; i < 500; i++) {
                ballast.add(ByteBuffer.allocateDirect(16 + random.nextInt(50_000)));
            }
        }
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(() -> {
            try {
                EngineThreads.forTraining();
                train(dir, mode);
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        worker.start();
        worker.join();
        if (failure[0] != null) {
            failure[0].printStackTrace();
            System.exit(1);
        }
        System.out.println("done " + mode + " with " + ballast.size() + " ballast buffers");
    }

    static DataOrder order() {
        return new DataOrder(EXAMPLES - 2, 2, 3, 9);
    }

    private static void train(Path dir, String mode) throws Exception {
        LlamaConfig config = TestModels.qwen2Tied();
        Path base = dir.resolve("base");
        Random random = new Random(4);
        List<TrainingExample> examples = new ArrayList<>();
        for (int i = 0; i < EXAMPLES; i++) {
            examples.add(TrainingExample.promptCompletion(
                    TestModels.randomIds(random, 60 + i % 7, config.vocabSize()),
                    TestModels.randomIds(random, 12 + i % 9, config.vocabSize())));
        }
        DataOrder.Split<TrainingExample> split = DataOrder.split(examples, 2.0 / EXAMPLES, 9);
        DataOrder order = order();
        TrainingConfig training = TrainingConfig.builder()
                .setTotalSteps(order.totalSteps())
                .optLearningRate(3e-3)
                .optWarmupSteps(3)
                .optWeightDecay(0.01)
                .optMicroBatchSize(1)
                .optSchedule(LrSchedule.COSINE)
                .build();
        CheckpointStore store = new CheckpointStore(dir.resolve(mode.equals("full") ? "full" : "run"));
        Optional<Path> latest = mode.equals("resume") ? store.latest() : Optional.empty();
        if (mode.equals("resume") && latest.isEmpty()) {
            throw new IllegalStateException("no checkpoint to resume in " + store.root());
        }
        if (!Files.exists(base.resolve("model.safetensors"))) {
            throw new IllegalStateException("no base model in " + base);
        }
        try (LlamaModel model = LlamaModel.load(latest.orElse(base));
                Trainer trainer = latest.isPresent()
                        ? Trainer.resume(model, training, latest.get())
                        : new Trainer(model, training)) {
            TrainingLoop.finetuning(new TrainingLoop.Settings(order, CHECKPOINT_EVERY, CHECKPOINT_EVERY), trainer)
                    .run(
                            trainer,
                            split.train(),
                            split.heldOut(),
                            store,
                            null,
                            new TrainingLoop.Listener() {},
                            () -> mode.equals("stop") && trainer.step() == STOP_AT);
        }
    }
}
