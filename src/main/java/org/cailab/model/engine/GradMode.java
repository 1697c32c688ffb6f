package org.cailab.model.engine;

import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's grad mode is per thread and on by default in new threads: inference entry points turn it off so that a
 * model whose parameters require gradients (one being trained) builds no autograd graph, and training sets it
 * explicitly around the forward/backward pass (on) and the optimizer update (off) instead of relying on the state the
 * thread happens to be in (see {@code docs/decisions/0083-training-threads.md}).
 */
final class GradMode {

    private GradMode() {}

    static void disable() {
        JniUtils.setGradMode(false);
    }

    /** Sets the calling thread's grad mode until the returned handle is closed, which restores the previous mode. */
    static Restore set(boolean enabled) {
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(enabled);
        return () -> JniUtils.setGradMode(previous);
    }

    /** Restores a thread's previous grad mode; closing it throws nothing. */
    @FunctionalInterface
    interface Restore extends AutoCloseable {
        @Override
        void close();
    }
}
