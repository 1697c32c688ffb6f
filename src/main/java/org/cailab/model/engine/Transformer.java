package org.cailab.model.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The Llama forward pass with Hugging Face conventions, as NDArray operations on a parameter map. */
final class Transformer {

    /** Added to the scores of masked keys; finite so a fully masked (padding) row stays a uniform softmax. */
    static final float MASKED = -1e9f;

    private final LlamaConfig config;
    private final Map<String, NDArray> params;
    private final NDArray invFreq;

    Transformer(LlamaConfig config, Map<String, NDArray> params, NDArray invFreq) {
        this.config = config;
        this.params = params;
        this.invFreq = invFreq;
    }

    /**
     * @param ids {@code [B, T]} int64 token ids
     * @param positions {@code [B, T]} position ids
     * @param keyMask {@code [B or 1][S]} 1 for real tokens among all S = cached + T positions
     * @param cache the cache to extend, or null
     * @param keepLast how many trailing positions to compute logits for
     * @return logits {@code [B, keepLast, vocab]}
     */
    NDArray forward(NDArray ids, NDArray positions, int[][] keyMask, @Nullable KvCache cache, int keepLast) {
        NDArray head = config.tieWordEmbeddings()
                ? params.get("model.embed_tokens.weight")
                : params.get("lm_head.weight");
        return Linear.linear(hidden(ids, positions, keyMask, cache, keepLast), head).singletonOrThrow();
    }

    /**
     * The final hidden states after the last norm, before the LM head (what a sequence-classification head reads).
     *
     * @return {@code [B, keepLast, hidden]}
     */
    NDArray hidden(NDArray ids, NDArray positions, int[][] keyMask, @Nullable KvCache cache, int keepLast) {
        long batch = ids.getShape().get(0);
        long t = ids.getShape().get(1);
        NDArray bias = attentionBias(ids.getManager(), keyMask, (int) t, config.numHeads() / config.numKvHeads());
        NDArray h = Embedding.embedding(ids, params.get("model.embed_tokens.weight"), SparseFormat.DENSE)
                .singletonOrThrow();
        NDArray[] rope = rope(positions);
        for (int layer = 0; layer < config.numLayers(); layer++) {
            String p = "model.layers." + layer + ".";
            NDArray x = rmsNorm(h, params.get(p + "input_layernorm.weight"));
            h = h.add(attention(x, p + "self_attn.", rope, bias, cache, layer, batch, t));
            x = rmsNorm(h, params.get(p + "post_attention_layernorm.weight"));
            NDArray gate = linear(x, p + "mlp.gate_proj");
            NDArray up = linear(x, p + "mlp.up_proj");
            h = h.add(linear(gate.mul(Activation.sigmoid(gate)).mul(up), p + "mlp.down_proj"));
        }
        h = rmsNorm(h, params.get("model.norm.weight"));
        if (keepLast < t) {
            h = h.get(":, " + (t - keepLast) + ":, :");
        }
        return h;
    }

    private NDArray attention(NDArray x, String p, NDArray[] rope, NDArray bias, @Nullable KvCache cache, int layer,
            long batch, long t) {
        int heads = config.numHeads();
        int kvHeads = config.numKvHeads();
        int hd = config.headDim();
        NDArray q = linear(x, p + "q_proj").reshape(batch, t, heads, hd).transpose(0, 2, 1, 3);
        NDArray k = linear(x, p + "k_proj").reshape(batch, t, kvHeads, hd).transpose(0, 2, 1, 3);
        NDArray v = linear(x, p + "v_proj").reshape(batch, t, kvHeads, hd).transpose(0, 2, 1, 3);
        q = applyRope(q, rope);
        k = applyRope(k, rope);
        if (cache != null) {
            NDArray[] kv = cache.append(layer, k, v);
            k = kv[0];
            v = kv[1];
        }
        // Grouped-query attention without copying keys and values (HF repeat_kv): query head h uses key/value head
        // h / rep, so the rep query heads of a group are stacked as rep*T rows against their shared keys.
        int rep = heads / kvHeads;
        NDArray grouped = rep == 1 ? q : q.reshape(batch, kvHeads, rep * t, hd);
        NDArray scores = grouped.matMul(k.transpose(0, 1, 3, 2)).mul((float) (1.0 / Math.sqrt(hd))).add(bias);
        NDArray out = scores.softmax(-1).matMul(v);
        if (rep > 1) {
            out = out.reshape(batch, heads, t, hd);
        }
        return linear(out.transpose(0, 2, 1, 3).reshape(batch, t, (long) heads * hd), p + "o_proj");
    }

    /** cos and sin of {@code [B, 1, T, headDim]} for the positions, halves duplicated as HF does. */
    private NDArray[] rope(NDArray positions) {
        NDArray freqs = positions.toType(DataType.FLOAT32, false).expandDims(-1).mul(invFreq);
        NDArray emb = NDArrays.concat(new NDList(freqs, freqs), -1).expandDims(1);
        return new NDArray[] {emb.cos(), emb.sin()};
    }

    /** {@code x * cos + rotate_half(x) * sin}, rotate_half = cat(-x2, x1) over the two halves (not interleaved). */
    private NDArray applyRope(NDArray x, NDArray[] rope) {
        int half = config.headDim() / 2;
        NDArray x1 = x.get("..., :" + half);
        NDArray x2 = x.get("..., " + half + ":");
        NDArray rotated = NDArrays.concat(new NDList(x2.neg(), x1), -1);
        return x.mul(rope[0]).add(rotated.mul(rope[1]));
    }

    /** {@code x * rsqrt(mean(x^2) + eps) * weight}, in float32. */
    private NDArray rmsNorm(NDArray x, NDArray weight) {
        NDArray variance = x.square().mean(new int[] {-1}, true);
        return x.div(variance.add((float) config.rmsNormEps()).sqrt()).mul(weight);
    }

    private NDArray linear(NDArray x, String name) {
        NDArray bias = params.get(name + ".bias");
        NDArray weight = params.get(name + ".weight");
        return (bias == null ? Linear.linear(x, weight) : Linear.linear(x, weight, bias)).singletonOrThrow();
    }

    /**
     * The additive attention bias {@code [B, 1, rep * T, S]}: a key is visible if real and not after the query; the
     * T query rows repeat for each of the {@code rep} query heads that share a key/value head.
     */
    static NDArray attentionBias(NDManager manager, int[][] keyMask, int queries, int rep) {
        int batch = keyMask.length;
        int keys = keyMask[0].length;
        int past = keys - queries;
        int rows = rep * queries;
        float[] bias = new float[batch * rows * keys];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < queries; i++) {
                int base = (b * rows + i) * keys;
                for (int j = 0; j < keys; j++) {
                    boolean visible = j <= past + i && keyMask[b][j] != 0;
                    bias[base + j] = visible ? 0f : MASKED;
                }
                for (int r = 1; r < rep; r++) {
                    System.arraycopy(bias, base, bias, base + r * queries * keys, keys);
                }
            }
        }
        return manager.create(bias, new Shape(batch, 1, rows, keys));
    }
}
