package org.cailab.model.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * AdamW with the {@link Trainer}'s schedule and global-norm clipping over any set of named parameters: a model's plus
 * those of heads trained with it (a value head in RL). The loss of each micro-batch is built by the caller, so any
 * objective works; gradients accumulate over the micro-batches of one step.
 *
 * <p>Threads as the {@link Trainer}: one thread at a time, nothing else may use the parameters while a step runs;
 * it sets the thread's grad mode itself and does not use DJL's JVM-wide gradient collector. Close it to free the
 * moments.
 */
public final class ParameterOptimizer implements AutoCloseable {

    private final Map<String, NDArray> parameters;
    private final TrainingConfig config;
    private final AdamW adam;
    private int step;

    /** Starts at step 0 and marks every parameter as requiring gradients. */
    public ParameterOptimizer(Map<String, NDArray> parameters, TrainingConfig config) {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("no parameters to optimize");
        }
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.config = config;
        this.parameters.values().forEach(p -> p.setRequiresGradient(true));
        this.adam = new AdamW(this.parameters);
    }

    /** Optimizer steps done so far. */
    public int step() {
        return step;
    }

    public TrainingConfig config() {
        return config;
    }

    /**
     * One optimizer step: {@code microLoss.apply(i)} for {@code i < microBatches} builds a scalar loss (already divided
     * so that the sum over micro-batches is the step's loss); its gradient accumulates; then clipping and AdamW at the
     * scheduled rate. A non-finite gradient norm skips the update but counts the step.
     *
     * @return the step's summed loss, the gradient norm before clipping and the rate used
     */
    public TrainStepResult step(int microBatches, IntFunction<NDArray> microLoss) {
        zeroGradients();
        double loss = 0;
        double norm;
        double lr = config.learningRate(step);
        try {
            for (int i = 0; i < microBatches; i++) {
                try (NDScope ignored = new NDScope();
                        GradMode.Restore grad = GradMode.set(true)) {
                    NDArray value = microLoss.apply(i);
                    Autograd.backward(value);
                    loss += value.getFloat();
                }
            }
            // the in-place update of leaves that require gradients must run with grad mode off
            try (NDScope ignored = new NDScope();
                    GradMode.Restore grad = GradMode.set(false)) {
                Map<String, NDArray> grads = new LinkedHashMap<>();
                parameters.forEach((name, p) -> grads.put(name, p.getGradient()));
                norm = adam.clipAndStep(parameters, grads, lr, config);
            }
        } finally {
            zeroGradients();
        }
        step++;
        return new TrainStepResult(step, loss, norm, lr, 0, 0);
    }

    private void zeroGradients() {
        try (NDScope ignored = new NDScope();
                GradMode.Restore grad = GradMode.set(false)) {
            adam.zero(parameters.values().stream().map(NDArray::getGradient).toList());
        }
    }

    /** Writes the AdamW moments (float32 safetensors); keep {@link #step()} and {@link #updates()} with them. */
    public void save(Path file) throws IOException {
        SafetensorsWriter.write(file, adam.state(), DType.F32);
    }

    /** AdamW updates applied so far (steps with a non-finite gradient are not updates). */
    public int updates() {
        return adam.updates();
    }

    /** Restores moments written by {@link #save} and the counters saved with them. */
    public void restore(Path file, int steps, int updates) {
        try (SafetensorsReader reader = SafetensorsReader.open(file)) {
            adam.restore(reader, updates);
        }
        this.step = steps;
    }

    @Override
    public void close() {
        adam.close();
    }
}
