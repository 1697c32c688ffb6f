package org.cailab.model.engine;

import ai.djl.ndarray.NDArray;

/**
 * Where tensors made from Java arrays live. DJL's {@code NDManager.create(float[])} wraps a direct {@code ByteBuffer}
 * in a tensor without copying ({@code torch::from_blob}), so the tensor's address, and its alignment, is wherever
 * {@code malloc} put that buffer: it depends on everything the process allocated before. libtorch's CPU kernels
 * (MKL's GEMM among them) may round differently for the same values at a different alignment, so weights kept in such
 * memory make a training run's floats depend on the process's history: a run resumed in a new process drifted from
 * the uninterrupted one ({@code docs/decisions/0150-cross-process-determinism.md}). A copy made by libtorch lives in
 * its own allocator's memory, which is always 64-byte aligned.
 */
public final class TorchMemory {

    private TorchMemory() {}

    /** A copy of the array in libtorch's own memory (the same manager and name); the original is closed. */
    public static NDArray owned(NDArray array) {
        NDArray copy = array.duplicate();
        copy.setName(array.getName());
        array.close();
        return copy;
    }
}
