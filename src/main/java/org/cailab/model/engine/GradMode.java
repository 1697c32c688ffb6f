package org.cailab.model.engine;

import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's grad mode is per thread and on by default in new threads: inference entry points turn it off so that a
 * model whose parameters require gradients (one being trained) builds no autograd graph.
 */
final class GradMode {

    private GradMode() {}

    static void disable() {
        JniUtils.setGradMode(false);
    }
}
