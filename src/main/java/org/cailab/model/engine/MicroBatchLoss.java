package org.cailab.model.engine;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * A differentiable loss for {@link Trainer#step(List, MicroBatchLoss)}: the scalar contribution of one micro-batch to
 * the step's loss (normalize by the whole batch, not the micro-batch, so accumulated gradients equal one big batch).
 * It runs inside the trainer's gradient collector and NDScope; build it from {@link LlamaModel#forward} or
 * {@link LlamaModel#forwardCausal}.
 *
 * @param <T> the kind of example
 */
@FunctionalInterface
public interface MicroBatchLoss<T> {

    /**
     * @param model the model being trained
     * @param microBatch a slice of the step's batch
     * @param batch the whole batch of the step (for normalization)
     * @return a scalar
     */
    NDArray loss(LlamaModel model, List<T> microBatch, List<T> batch);
}
