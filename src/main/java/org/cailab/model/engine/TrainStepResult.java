package org.cailab.model.engine;

/**
 * What one optimizer step did.
 *
 * @param step the number of optimizer steps done so far (1 after the first)
 * @param loss mean negative log-likelihood per target token over the step's batch (before the update)
 * @param gradNorm global L2 norm of the gradients before clipping
 * @param learningRate the rate the step used
 * @param targetTokens tokens that counted in the loss
 * @param tokens tokens processed, padding excluded
 */
public record TrainStepResult(
        int step, double loss, double gradNorm, double learningRate, int targetTokens, int tokens) {}
