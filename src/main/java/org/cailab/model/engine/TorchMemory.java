package org.cailab.model.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Where tensors made from Java arrays live. DJL's {@code NDManager.create(float[])} wraps a direct {@code ByteBuffer}
 * in a tensor without copying ({@code torch::from_blob}), so the tensor's address and alignment are wherever
 * {@code malloc} put that buffer (they depend on everything the process allocated before), and its memory is only
 * as safe as that Java buffer. Tensors that live as long as a model are copied into libtorch's own allocator (64-byte
 * aligned) instead: a precaution for runs resumed in another process, since MKL documents that alignment can change
 * its results; we measured no such effect ({@code docs/decisions/0150-cross-process-determinism.md}).
 *
 * <p>Scalars that autograd may keep are the case that matters ({@link #scalar}): DJL's {@code x.mul(float)},
 * {@code div}, {@code maximum}, {@code minimum} and {@code pow} with a Java number wrap the number in such a tensor and
 * close it right after the call. Where the operation records a backward function that saves its operand (mul, div,
 * maximum, minimum, pow do; add and sub do not), the graph keeps a tensor whose memory is a Java buffer that nothing
 * references any more: the next GC frees it, the memory is reused, and the backward pass multiplies by whatever is
 * there then. That was the rare, timing-dependent difference between otherwise identical training runs (decision 0150,
 * 2026-12-03 section).
 */
public final class TorchMemory {

    private TorchMemory() {}

    /**
     * A 0-dimensional float tensor in libtorch's own memory, to use instead of DJL's {@code op(Number)} variants in
     * anything that may be differentiated: autograd keeps its own reference to a libtorch tensor, so it stays valid
     * until the backward pass however early the Java handle is closed.
     */
    public static NDArray scalar(NDManager manager, double value) {
        return owned(manager.create((float) value));
    }

    /** A copy of the array in libtorch's own memory (the same manager and name); the original is closed. */
    public static NDArray owned(NDArray array) {
        NDArray copy = array.duplicate();
        copy.setName(array.getName());
        array.close();
        return copy;
    }
}
