package org.cailab.model.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Back-propagation without DJL's {@code GradientCollector}. DJL's PyTorch collector keeps a JVM-wide "collecting"
 * flag (a second collector in any thread throws) and, on close, leaves grad mode on in a thread where it was on, so
 * two training runs in one JVM cannot both use it. PyTorch itself needs neither: grad mode is thread-local and
 * concurrent backward passes over disjoint graphs are safe. The trainer sets grad mode itself ({@link GradMode#set})
 * and calls this. See {@code docs/decisions/0083-training-threads.md}.
 */
final class Autograd {

    private Autograd() {}

    /** Accumulates d(loss)/d(parameter) into the gradients of every parameter that requires one. */
    static void backward(NDArray loss) {
        if (!(loss instanceof PtNDArray pt)) {
            throw new IllegalArgumentException(
                    "backward needs a PyTorch array, got " + loss.getClass().getName());
        }
        if (loss.getShape().size() != 1) {
            throw new IllegalArgumentException("backward needs a scalar loss, got shape " + loss.getShape());
        }
        try (NDArray seed = loss.onesLike()) {
            JniUtils.backward(pt, (PtNDArray) seed, false, false);
        }
    }
}
