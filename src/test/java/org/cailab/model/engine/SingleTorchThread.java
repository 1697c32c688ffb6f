package org.cailab.model.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class with one PyTorch intra-op thread. On a shared 2-core machine OpenMP threads spin while another
 * process holds a core: a 20 ms training step measured 1.1 s with 2 threads under such load, 20 ms with 1.
 */
class SingleTorchThread implements BeforeAllCallback, AfterAllCallback {

    private int previous;

    @Override
    public void beforeAll(ExtensionContext context) {
        Engine.getEngine("PyTorch");
        previous = JniUtils.getNumThreads();
        JniUtils.setNumThreads(1);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        JniUtils.setNumThreads(previous);
    }
}
