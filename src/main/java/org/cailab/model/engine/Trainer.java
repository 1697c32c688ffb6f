package org.cailab.model.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Trains a {@link LlamaModel} in place on the causal-LM loss of selected tokens: AdamW, warmup then linear or cosine
 * decay, global-norm gradient clipping, gradient accumulation over micro-batches, Hugging Face layout checkpoints.
 *
 * <p>A checkpoint directory holds {@code config.json}, {@code model.safetensors}, the tokenizer files,
 * {@code trainer_state.json} (the step counter and the config) and {@code optimizer.safetensors} (AdamW moments).
 * {@link #resume} restores the step and, when the optimizer file is there and matches, the moments, so a resumed run
 * continues exactly; without it the moments start again at zero (a short re-warmup in effect).
 *
 * <p>Threads: one trainer is used by one thread at a time, and nothing else may use its model while a step runs.
 * Several trainers of different models may step at the same time in different threads: the trainer does not use
 * DJL's JVM-wide gradient collector and sets the thread's grad mode itself (on for forward and backward, off for
 * the update and evaluation, restored afterwards; {@code docs/decisions/0083-training-threads.md}). Close it to free
 * the optimizer state.
 */
public final class Trainer implements AutoCloseable {

    static final String STATE_FILE = "trainer_state.json";
    static final String OPTIMIZER_FILE = "optimizer.safetensors";
    private static final List<String> TOKENIZER_FILES =
            List.of("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "generation_config.json");

    private final Trainable target;
    private final LlamaModel model;
    private final TrainingConfig config;
    private final AdamW optimizer;
    private int step;
    private boolean gradientsDirty;

    /** Starts training a model from step 0; marks its parameters as requiring gradients. */
    public Trainer(LlamaModel model, TrainingConfig config) {
        this(Trainable.of(model), model, config);
    }

    /**
     * Starts training a preference model (backbone and score head) from step 0 with a loss such as
     * {@link PreferenceLoss}; checkpoints are written in its sequence-classification layout.
     */
    public Trainer(PreferenceModel preferenceModel, TrainingConfig config) {
        this(preferenceModel.trainable(), preferenceModel.backbone(), config);
    }

    private Trainer(Trainable target, LlamaModel model, TrainingConfig config) {
        this.target = target;
        this.model = model;
        this.config = config;
        target.parameters().values().forEach(p -> p.setRequiresGradient(true));
        this.optimizer = new AdamW(target.parameters());
    }

    /**
     * Continues from a checkpoint written by {@link #saveCheckpoint}: the model must have been loaded from it. The
     * step counter is restored, and the AdamW moments when {@code optimizer.safetensors} is present.
     */
    public static Trainer resume(LlamaModel model, TrainingConfig config, Path checkpointDir) {
        return restore(new Trainer(model, config), checkpointDir);
    }

    /** Continues training a preference model loaded from a checkpoint written by {@link #saveCheckpoint}. */
    public static Trainer resume(PreferenceModel preferenceModel, TrainingConfig config, Path checkpointDir) {
        return restore(new Trainer(preferenceModel, config), checkpointDir);
    }

    private static Trainer restore(Trainer trainer, Path checkpointDir) {
        Path stateFile = checkpointDir.resolve(STATE_FILE);
        try {
            JsonNode state = Json.MAPPER.readTree(Files.readString(stateFile));
            trainer.step = state.path("global_step").asInt();
            Path optimizerFile = checkpointDir.resolve(OPTIMIZER_FILE);
            if (Files.isRegularFile(optimizerFile)) {
                try (SafetensorsReader reader = SafetensorsReader.open(optimizerFile)) {
                    trainer.optimizer.restore(
                            reader, state.path("optimizer_updates").asInt(trainer.step));
                }
            }
            return trainer;
        } catch (IOException e) {
            trainer.close();
            throw new UncheckedIOException(stateFile + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            trainer.close();
            throw e;
        }
    }

    /** Optimizer steps done so far. */
    public int step() {
        return step;
    }

    public TrainingConfig config() {
        return config;
    }

    /** One optimizer step of causal-LM loss over a batch, split into micro-batches whose gradients accumulate. */
    public TrainStepResult step(List<TrainingExample> batch) {
        int targets = batch.stream().mapToInt(TrainingExample::targetCount).sum();
        if (targets == 0) {
            throw new IllegalArgumentException("no target tokens in the batch");
        }
        int tokens = batch.stream().mapToInt(e -> e.tokens().length).sum();
        TrainStepResult result = step(batch, (m, micro, all) -> loss(micro, targets));
        return new TrainStepResult(
                result.step(), result.loss(), result.gradNorm(), result.learningRate(), targets, tokens);
    }

    /**
     * One optimizer step of any differentiable loss (for example a preference or reward loss built on
     * {@link LlamaModel#forward}): micro-batches of {@code microBatchSize}, gradient accumulation, global-norm
     * clipping, AdamW at the scheduled rate. The result's token counts are 0.
     */
    public <T> TrainStepResult step(List<T> batch, MicroBatchLoss<T> lossFunction) {
        zeroGradients();
        try {
            return accumulateAndUpdate(batch, lossFunction);
        } finally {
            zeroGradients();
        }
    }

    private <T> TrainStepResult accumulateAndUpdate(List<T> batch, MicroBatchLoss<T> lossFunction) {
        double loss = 0;
        for (int start = 0; start < batch.size(); start += config.microBatchSize()) {
            List<T> micro = batch.subList(start, Math.min(batch.size(), start + config.microBatchSize()));
            try (NDScope ignored = new NDScope();
                    GradMode.Restore grad = GradMode.set(true)) {
                NDArray microLoss = lossFunction.loss(model, micro, batch);
                gradientsDirty = true;
                Autograd.backward(microLoss);
                loss += microLoss.getFloat();
            }
        }
        double lr = config.learningRate(step);
        double norm;
        // the in-place update of leaves that require gradients must run with grad mode off, whatever the thread had
        try (NDScope ignored = new NDScope();
                GradMode.Restore grad = GradMode.set(false)) {
            Map<String, NDArray> grads = gradients();
            norm = optimizer.clipAndStep(target.parameters(), grads, lr, config);
        }
        step++;
        return new TrainStepResult(step, loss, norm, lr, 0, 0);
    }

    /** The mean loss per target token over examples, without gradients or updates. */
    public double evaluate(List<TrainingExample> examples) {
        int targets = examples.stream().mapToInt(TrainingExample::targetCount).sum();
        double loss = 0;
        try (GradMode.Restore grad = GradMode.set(false)) {
            for (int start = 0; start < examples.size(); start += config.microBatchSize()) {
                List<TrainingExample> micro =
                        examples.subList(start, Math.min(examples.size(), start + config.microBatchSize()));
                try (NDScope ignored = new NDScope()) {
                    loss += loss(micro, targets).getFloat();
                }
            }
        }
        return loss;
    }

    /**
     * Summed token NLL of a micro-batch divided by the step's target count; rows are right-padded. Every position
     * gets a target (the last one with weight 0) rather than slicing the logits: the gradients are the same bits
     * (a zero weight gives that position an exactly zero gradient, as the slice's backward did), without the
     * backward pass filling and copying a logits-sized tensor.
     */
    private NDArray loss(List<TrainingExample> micro, int totalTargets) {
        int length = micro.stream().mapToInt(e -> e.tokens().length).max().orElseThrow();
        int rows = micro.size();
        long[] ids = new long[rows * length];
        long[] next = new long[rows * length];
        float[] weights = new float[rows * length];
        for (int r = 0; r < rows; r++) {
            TrainingExample e = micro.get(r);
            System.arraycopy(e.tokens(), 0, ids, r * length, e.tokens().length);
            for (int i = 1; i < e.tokens().length; i++) {
                next[r * length + i - 1] = e.tokens()[i];
                weights[r * length + i - 1] = e.lossMask()[i] ? 1f / totalTargets : 0f;
            }
        }
        NDManager m = model.manager();
        NDArray logits = model.forwardCausal(m.create(ids, new Shape(rows, length)));
        NDArray logProbs = logits.logSoftmax(-1);
        logits.close(); // the largest tensor of the step: free it now, not when the step's scope ends
        NDArray picked =
                logProbs.gather(m.create(next, new Shape(rows, length, 1)), -1).reshape(rows, length);
        return picked.mul(m.create(weights, new Shape(rows, length))).sum().neg();
    }

    private Map<String, NDArray> gradients() {
        Map<String, NDArray> grads = new java.util.LinkedHashMap<>();
        target.parameters().forEach((name, p) -> grads.put(name, p.getGradient()));
        return grads;
    }

    private void zeroGradients() {
        if (!gradientsDirty) {
            return;
        }
        gradientsDirty = false;
        try (NDScope ignored = new NDScope();
                GradMode.Restore grad = GradMode.set(false)) {
            optimizer.zero(gradients().values());
        }
    }

    /**
     * Writes a checkpoint: the model in Hugging Face layout, the tokenizer files found in {@code tokenizerDir}
     * (when given), the step counter and the optimizer state.
     */
    public void saveCheckpoint(Path dir, @Nullable Path tokenizerDir) throws IOException {
        target.save(dir);
        if (tokenizerDir != null && !tokenizerDir.toAbsolutePath().equals(dir.toAbsolutePath())) {
            for (String name : TOKENIZER_FILES) {
                Path source = tokenizerDir.resolve(name);
                if (Files.isRegularFile(source)) {
                    Files.copy(source, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        SafetensorsWriter.write(dir.resolve(OPTIMIZER_FILE), optimizer.state(), DType.F32);
        ObjectNode state = Json.MAPPER.createObjectNode();
        state.put("global_step", step);
        state.put("optimizer_updates", optimizer.updates());
        state.set("training_config", Json.MAPPER.valueToTree(config));
        Files.writeString(
                dir.resolve(STATE_FILE),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(state));
    }

    /** Frees the optimizer state; the model stays usable (its parameters keep requiring gradients). */
    @Override
    public void close() {
        optimizer.close();
        // The step's activations and gradients are freed by now; give their pages back (NativeMemory).
        NativeMemory.trim();
    }
}
