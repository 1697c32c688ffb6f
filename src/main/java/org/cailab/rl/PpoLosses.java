package org.cailab.rl;

import ai.djl.ndarray.NDArray;
import org.cailab.model.engine.TorchMemory;

/**
 * PPO's clipped objectives on NDArrays of shape {@code [B, T]} with a 0/1 mask of real response tokens; every mean is
 * over the masked tokens and divided by {@code normalizer} (the token count of the whole minibatch, so that
 * micro-batches add up to the minibatch's mean).
 */
public final class PpoLosses {

    private PpoLosses() {}

    /**
     * The summed clipped surrogate {@code max(-A r, -A clip(r, 1-eps, 1+eps))} with {@code r = exp(logp - oldLogp)},
     * divided by the normalizer.
     */
    public static NDArray policyLoss(
            NDArray logProbs,
            NDArray oldLogProbs,
            NDArray advantages,
            NDArray mask,
            double clipRange,
            double normalizer) {
        NDArray ratio = logProbs.sub(oldLogProbs).exp();
        NDArray unclipped = advantages.neg().mul(ratio);
        NDArray clipped = advantages.neg().mul(ratio.clip(1 - clipRange, 1 + clipRange));
        // not div(float): autograd keeps the operand (TorchMemory.scalar)
        return unclipped.maximum(clipped).mul(mask).sum().div(TorchMemory.scalar(mask.getManager(), normalizer));
    }

    /** Tokens whose clipped term was the larger one (the update was limited), summed. */
    public static double clippedTokens(
            NDArray logProbs, NDArray oldLogProbs, NDArray advantages, NDArray mask, double clipRange) {
        NDArray ratio = logProbs.sub(oldLogProbs).exp();
        NDArray unclipped = advantages.neg().mul(ratio);
        NDArray clipped = advantages.neg().mul(ratio.clip(1 - clipRange, 1 + clipRange));
        return clipped.gt(unclipped)
                .toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                .mul(mask)
                .sum()
                .getFloat();
    }

    /**
     * The summed clipped value loss {@code 0.5 max((v - R)^2, (clip(v, v_old - eps, v_old + eps) - R)^2)}, divided by
     * the normalizer.
     */
    public static NDArray valueLoss(
            NDArray values, NDArray oldValues, NDArray returns, NDArray mask, double clipRange, double normalizer) {
        NDArray clippedValues = oldValues.add(values.sub(oldValues).clip(-clipRange, clipRange));
        NDArray unclipped = values.sub(returns).square();
        NDArray clipped = clippedValues.sub(returns).square();
        return unclipped.maximum(clipped).mul(mask).sum().div(TorchMemory.scalar(mask.getManager(), 2 * normalizer));
    }
}
