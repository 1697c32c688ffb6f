package org.cailab.model.engine;

import ai.djl.ndarray.NDArray;

/**
 * Where tensors made from Java arrays live. DJL's {@code NDManager.create(float[])} wraps a direct {@code ByteBuffer}
 * in a tensor without copying ({@code torch::from_blob}), so the tensor's address and alignment are wherever
 * {@code malloc} put that buffer (they depend on everything the process allocated before), and its memory is only
 * as safe as that Java buffer. Tensors that live as long as a model are copied into libtorch's own allocator (64-byte
 * aligned) instead: a precaution for runs resumed in another process, since MKL documents that alignment can change
 * its results; we measured no such effect ({@code docs/decisions/0150-cross-process-determinism.md}).
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
