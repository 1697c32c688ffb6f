package org.cailab.model.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.List;
import java.util.Map;

/** Tiny configurations and helpers shared by the engine tests. */
final class TestModels {

    private TestModels() {}

    /** 2 layers, d=48, 4 heads of 12 over 2 KV heads (GQA), vocab 300. */
    static LlamaConfig llamaGqa() {
        return LlamaConfig.builder()
                .setVocabSize(300)
                .setHiddenSize(48)
                .setIntermediateSize(96)
                .setNumLayers(2)
                .setNumHeads(4)
                .optNumKvHeads(2)
                .optEosTokenIds(List.of(0L))
                .build();
    }

    /** Qwen2 layout: q/k/v biases, tied embeddings, theta 1e6. */
    static LlamaConfig qwen2Tied() {
        return LlamaConfig.builder()
                .optArchitecture(Architecture.QWEN2)
                .setVocabSize(320)
                .setHiddenSize(32)
                .setIntermediateSize(64)
                .setNumLayers(2)
                .setNumHeads(4)
                .optNumKvHeads(1)
                .optRopeTheta(1_000_000)
                .optTieWordEmbeddings(true)
                .optEosTokenIds(List.of(0L))
                .build();
    }

    /** Llama with all biases, a separate head_dim and llama3 rope scaling. */
    static LlamaConfig llamaBiasedScaled() {
        return LlamaConfig.builder()
                .setVocabSize(300)
                .setHiddenSize(32)
                .setIntermediateSize(80)
                .setNumLayers(2)
                .setNumHeads(2)
                .optNumKvHeads(2)
                .optHeadDim(24)
                .optAttentionBias(true)
                .optMlpBias(true)
                .optRmsNormEps(1e-5)
                .optRopeScaling(RopeScaling.llama3(8, 1, 4, 16))
                .optRopeTheta(500)
                .build();
    }

    /** Logits of a plain (cache-less) forward pass over unpadded rows of equal length, as Java arrays [B][T][V]. */
    static float[][][] logits(LlamaModel model, long[][] ids) {
        int[][] mask = new int[ids.length][ids[0].length];
        for (int[] row : mask) {
            java.util.Arrays.fill(row, 1);
        }
        return logits(model, ids, mask);
    }

    static float[][][] logits(LlamaModel model, long[][] ids, int[][] mask) {
        try (NDScope ignored = new NDScope()) {
            NDArray logits = model.forward(ids, mask, null, ids[0].length);
            return reshape(
                    logits.toFloatArray(),
                    ids.length,
                    ids[0].length,
                    model.config().vocabSize());
        }
    }

    static float[][][] reshape(float[] flat, int b, int t, int v) {
        float[][][] out = new float[b][t][v];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < t; j++) {
                System.arraycopy(flat, (i * t + j) * v, out[i][j], 0, v);
            }
        }
        return out;
    }

    static float maxAbsDiff(float[] a, float[] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    /**
     * The largest |logit - reference| of a 12-token forward pass on {@code device} against {@link NaiveLlama}, the
     * scalar reference, with random weights (all but the norms scaled 25x, so that attention is far from uniform and
     * RoPE or masking errors show).
     */
    static double maxDiffFromScalarReference(LlamaConfig config, Device device) {
        Map<String, HostTensor> weights = TinyModels.randomTensors(config, 7);
        weights.replaceAll((n, t) -> n.endsWith("norm.weight") ? t : scaled(t, 25));
        long[] ids = randomIds(new java.util.Random(1), 12, config.vocabSize());
        double[][] expected = new NaiveLlama(config, weights).logits(ids);
        try (LlamaModel model = LlamaModel.fromTensors(config, weights, device)) {
            float[][] actual = logits(model, new long[][] {ids})[0];
            double max = 0;
            for (int i = 0; i < ids.length; i++) {
                for (int v = 0; v < config.vocabSize(); v++) {
                    max = Math.max(max, Math.abs(actual[i][v] - expected[i][v]));
                }
            }
            return max;
        }
    }

    private static HostTensor scaled(HostTensor t, float factor) {
        float[] data = t.data().clone();
        for (int i = 0; i < data.length; i++) {
            data[i] *= factor;
        }
        return new HostTensor(t.shape(), data);
    }

    static long[] randomIds(java.util.Random random, int length, int vocab) {
        long[] ids = new long[length];
        for (int i = 0; i < length; i++) {
            ids[i] = random.nextInt(vocab);
        }
        return ids;
    }
}
