package org.cailab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The forward pass against a scalar reference, with a KV cache, and with left padding. */
@org.junit.jupiter.api.extension.ExtendWith(SingleTorchThread.class)
class ForwardTest {

    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of("llama-gqa", TestModels.llamaGqa()),
                Arguments.of("qwen2-bias-tied", TestModels.qwen2Tied()),
                Arguments.of("llama-biases-headdim-llama3rope", TestModels.llamaBiasedScaled()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void matchesScalarReference(String name, LlamaConfig config) {
        double max = TestModels.maxDiffFromScalarReference(config, Device.cpu());
        assertThat(max).as("max |logit - reference|").isLessThan(1e-4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void kvCacheDecodingEqualsFullForward(String name, LlamaConfig config) {
        Random random = new Random(2);
        long[] ids = TestModels.randomIds(random, 14, config.vocabSize());
        try (LlamaModel model = LlamaModel.fromTensors(config, TinyModels.randomTensors(config, 3), Device.cpu())) {
            float[][] full = TestModels.logits(model, new long[][] {ids})[0];
            try (KvCache cache = model.newCache(1)) {
                int prefill = 5;
                float[][] stepwise = new float[ids.length][];
                try (NDScope ignored = new NDScope()) {
                    NDArray logits =
                            model.forward(new long[][] {Arrays.copyOf(ids, prefill)}, ones(1, prefill), cache, prefill);
                    float[][][] l = TestModels.reshape(logits.toFloatArray(), 1, prefill, config.vocabSize());
                    System.arraycopy(l[0], 0, stepwise, 0, prefill);
                }
                for (int i = prefill; i < ids.length; i++) {
                    try (NDScope ignored = new NDScope()) {
                        stepwise[i] = model.forward(new long[][] {{ids[i]}}, ones(1, 1), cache, 1)
                                .toFloatArray();
                    }
                }
                float max = 0;
                for (int i = 0; i < ids.length; i++) {
                    max = Math.max(max, TestModels.maxAbsDiff(full[i], stepwise[i]));
                }
                assertThat(max).as("max |cached - full|").isLessThan(1e-4f);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void paddedBatchEqualsEachRowAlone(String name, LlamaConfig config) {
        Random random = new Random(4);
        int[] lengths = {9, 4, 1, 7};
        int t = 9;
        long[][] ids = new long[lengths.length][t];
        int[][] mask = new int[lengths.length][t];
        long[][] rows = new long[lengths.length][];
        for (int b = 0; b < lengths.length; b++) {
            rows[b] = TestModels.randomIds(random, lengths[b], config.vocabSize());
            Arrays.fill(ids[b], 5);
            System.arraycopy(rows[b], 0, ids[b], t - lengths[b], lengths[b]);
            Arrays.fill(mask[b], t - lengths[b], t, 1);
        }
        try (LlamaModel model = LlamaModel.fromTensors(config, TinyModels.randomTensors(config, 5), Device.cpu())) {
            float[][][] batch = TestModels.logits(model, ids, mask);
            for (int b = 0; b < lengths.length; b++) {
                float[][] alone = TestModels.logits(model, new long[][] {rows[b]})[0];
                for (int i = 0; i < lengths[b]; i++) {
                    assertThat(TestModels.maxAbsDiff(alone[i], batch[b][t - lengths[b] + i]))
                            .as("row %d position %d", b, i)
                            .isLessThan(1e-4f);
                }
            }
        }
    }

    /**
     * Inference computes the last layer's queries, attention output and MLP for the kept positions only (scoring,
     * prefill): those logits equal the full pass's, for padded rows, with rows sharing one mask, and with a cache.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void keptPositionsEqualFullForward(String name, LlamaConfig config) {
        Random random = new Random(6);
        int t = 10;
        int[][] lengthSets = {{10, 6, 3}, {10, 10, 10}};
        try (LlamaModel model = LlamaModel.fromTensors(config, TinyModels.randomTensors(config, 8), Device.cpu())) {
            for (int[] lengths : lengthSets) {
                long[][] ids = new long[lengths.length][t];
                int[][] mask = new int[lengths.length][t];
                for (int b = 0; b < lengths.length; b++) {
                    Arrays.fill(ids[b], 3);
                    System.arraycopy(
                            TestModels.randomIds(random, lengths[b], config.vocabSize()),
                            0,
                            ids[b],
                            t - lengths[b],
                            lengths[b]);
                    Arrays.fill(mask[b], t - lengths[b], t, 1);
                }
                float[][][] full = TestModels.logits(model, ids, mask);
                for (int keep : new int[] {1, 3}) {
                    for (boolean cached : new boolean[] {false, true}) {
                        try (KvCache cache = cached ? model.newCache(lengths.length) : null;
                                NDScope ignored = new NDScope()) {
                            float[][][] kept = TestModels.reshape(
                                    model.forward(ids, mask, cache, keep).toFloatArray(),
                                    lengths.length,
                                    keep,
                                    config.vocabSize());
                            for (int b = 0; b < lengths.length; b++) {
                                for (int i = 0; i < keep; i++) {
                                    assertThat(TestModels.maxAbsDiff(full[b][t - keep + i], kept[b][i]))
                                            .as(
                                                    "lengths %s, keep %d, cache %b, row %d, position %d",
                                                    Arrays.toString(lengths), keep, cached, b, i)
                                            .isLessThan(1e-5f);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static int[][] ones(int b, int t) {
        int[][] m = new int[b][t];
        for (int[] row : m) {
            Arrays.fill(row, 1);
        }
        return m;
    }
}
