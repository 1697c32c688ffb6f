package org.cailab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which intra-op count a model's batcher runs with. */
class EngineThreadsTest {

    private int previous;

    @BeforeEach
    void remember() {
        Engine.getEngine("PyTorch");
        previous = JniUtils.getNumThreads();
    }

    @AfterEach
    void restore() {
        EngineThreads.configure(0, 1, 0);
        JniUtils.setNumThreads(previous);
    }

    @Test
    void smallModelsDecodeOnOneThreadWhenTheCountIsLeftToItsDefault() {
        assumeTrue(
                System.getProperty("ai.djl.pytorch.num_threads") == null,
                "ai.djl.pytorch.num_threads is set: the count counts as configured");
        int cores = Runtime.getRuntime().availableProcessors();
        EngineThreads.configure(0, 1, 0);

        assertThat(EngineThreads.inferenceThreadsFor(1_000_000)).isEqualTo(1);
        assertThat(EngineThreads.inferenceThreadsFor(EngineThreads.SMALL_MODEL_PARAMETERS - 1))
                .isEqualTo(1);
        assertThat(EngineThreads.inferenceThreadsFor(EngineThreads.SMALL_MODEL_PARAMETERS))
                .isEqualTo(cores);
        assertThat(EngineThreads.inferenceThreadsFor(1_000_000_000L)).isEqualTo(cores);
    }

    @Test
    void aConfiguredCountHoldsForEveryModel() {
        EngineThreads.configure(3, 1, 0);

        assertThat(EngineThreads.inferenceThreadsFor(1_000_000)).isEqualTo(3);
        assertThat(EngineThreads.inferenceThreadsFor(1_000_000_000L)).isEqualTo(3);
    }

    @Test
    void aBatcherRefusesANegativeCount() {
        assertThatThrownBy(() -> DynamicBatcher.builder().optIntraOpThreads(-1).build())
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> EngineThreads.forInference(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
