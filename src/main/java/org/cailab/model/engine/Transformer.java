package org.cailab.model.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The Llama forward pass with Hugging Face conventions, as NDArray operations on a parameter map. */
final class Transformer {

    /** Added to the scores of masked keys; finite so a fully masked (padding) row stays a uniform softmax. */
    static final float MASKED = -1e9f;

    /**
     * Whether inference uses the fused q/k/v projection and the precomputed RoPE tables (the benchmark turns them off
     * to measure what they bring; {@code -Dcailab.engine.fused=false} too).
     */
    static volatile boolean fusedEnabled = !"false".equals(System.getProperty("cailab.engine.fused"));

    /** The most table entries (positions x head dim) of precomputed RoPE tables; longer contexts compute them. */
    private static final long MAX_ROPE_TABLE = 8L << 20;

    private final LlamaConfig config;
    private final Map<String, NDArray> params;
    private final NDArray invFreq;
    /** 1/sqrt(headDim) in libtorch memory: the score scale that autograd keeps for the backward pass. */
    private final NDArray scoreScale;
    // a device scalar made once: DJL's y.add(float) copies the number to the device on every call, and on a GPU each
    // such copy waits for the stream (two per layer and token)
    private final NDArray rmsEps;
    /** cos and sin {@code [maxPositions, headDim]} indexed by position id, or null for a very long context. */
    private final NDArray @Nullable [] ropeTables;
    /** Inference-only fused weights, built on first use and dropped when the parameters may have changed. */
    private volatile @Nullable Fused fused;

    /**
     * Per layer one projection for q, k and v (q pre-scaled by 1/sqrt(headDim), which commutes with RoPE), and the
     * rotate-half permutation as a matrix so that RoPE is one product instead of slices, negation and concatenation.
     */
    private record Fused(NDArray[] qkvWeight, @Nullable NDArray[] qkvBias, NDArray rotateHalf) {
        void close() {
            for (NDArray w : qkvWeight) {
                w.close();
            }
            for (NDArray b : qkvBias) {
                if (b != null) {
                    b.close();
                }
            }
            rotateHalf.close();
        }
    }

    Transformer(LlamaConfig config, Map<String, NDArray> params, NDArray invFreq) {
        this.config = config;
        this.params = params;
        this.invFreq = invFreq;
        this.ropeTables = ropeTables(config, invFreq.getManager());
        // not scores.mul(float): see TorchMemory.scalar
        this.scoreScale = TorchMemory.scalar(invFreq.getManager(), 1.0 / Math.sqrt(config.headDim()));
        NDScope.unregister(scoreScale);
        this.rmsEps = TorchMemory.scalar(invFreq.getManager(), config.rmsNormEps());
        NDScope.unregister(rmsEps);
    }

    /** cos/sin tables computed as Hugging Face does (float32 position x inverse frequency, halves duplicated). */
    private static NDArray @Nullable [] ropeTables(LlamaConfig config, NDManager manager) {
        int positions = config.maxPositionEmbeddings();
        int hd = config.headDim();
        if ((long) positions * hd > MAX_ROPE_TABLE || positions <= 0) {
            return null;
        }
        float[] inv = RopeScaling.inverseFrequencies(hd, config.ropeTheta(), config.ropeScaling());
        float[] cos = new float[positions * hd];
        float[] sin = new float[positions * hd];
        int half = hd / 2;
        for (int p = 0; p < positions; p++) {
            for (int i = 0; i < half; i++) {
                float angle = (float) p * inv[i];
                float c = (float) Math.cos(angle);
                float s = (float) Math.sin(angle);
                cos[p * hd + i] = c;
                cos[p * hd + half + i] = c;
                sin[p * hd + i] = s;
                sin[p * hd + half + i] = s;
            }
        }
        return new NDArray[] {
            TorchMemory.owned(manager.create(cos, new Shape(positions, hd))),
            TorchMemory.owned(manager.create(sin, new Shape(positions, hd)))
        };
    }

    /** Forgets the fused weights (the parameters were changed in place, say by a training step). */
    void parametersChanged() {
        Fused old;
        synchronized (this) {
            old = fused;
            fused = null;
        }
        if (old != null) {
            old.close();
        }
    }

    private Fused fused(NDManager manager) {
        Fused f = fused;
        if (f != null) {
            return f;
        }
        synchronized (this) {
            if (fused == null) {
                fused = buildFused(manager);
            }
            return fused;
        }
    }

    private Fused buildFused(NDManager manager) {
        int layers = config.numLayers();
        NDArray[] weights = new NDArray[layers];
        NDArray[] biases = new NDArray[layers];
        float scale = (float) (1.0 / Math.sqrt(config.headDim()));
        try (NDScope ignored = new NDScope()) {
            for (int layer = 0; layer < layers; layer++) {
                String p = "model.layers." + layer + ".self_attn.";
                weights[layer] = NDArrays.concat(
                        new NDList(
                                params.get(p + "q_proj.weight").mul(scale),
                                params.get(p + "k_proj.weight"),
                                params.get(p + "v_proj.weight")),
                        0);
                NDScope.unregister(weights[layer]);
                NDArray qb = params.get(p + "q_proj.bias");
                if (qb != null) {
                    biases[layer] = NDArrays.concat(
                            new NDList(qb.mul(scale), params.get(p + "k_proj.bias"), params.get(p + "v_proj.bias")), 0);
                    NDScope.unregister(biases[layer]);
                }
            }
        }
        int hd = config.headDim();
        int half = hd / 2;
        float[] rotation = new float[hd * hd];
        for (int j = 0; j < half; j++) {
            rotation[(j + half) * hd + j] = -1f; // out[j] = -x[j + half]
            rotation[j * hd + j + half] = 1f; // out[j + half] = x[j]
        }
        NDArray rotate = TorchMemory.owned(manager.create(rotation, new Shape(hd, hd)));
        NDScope.unregister(rotate);
        return new Fused(weights, biases, rotate);
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
        NDArray head =
                config.tieWordEmbeddings() ? params.get("model.embed_tokens.weight") : params.get("lm_head.weight");
        NDArray hidden = hidden(ids, positions, keyMask, cache, keepLast);
        NDArray logits = Linear.linear(hidden, head).singletonOrThrow();
        hidden.close();
        return logits;
    }

    /**
     * The final hidden states after the last norm, before the LM head (what a sequence-classification head reads).
     *
     * @return {@code [B, keepLast, hidden]}
     */
    NDArray hidden(NDArray ids, NDArray positions, int[][] keyMask, @Nullable KvCache cache, int keepLast) {
        long batch = ids.getShape().get(0);
        long t = ids.getShape().get(1);
        // training: autograd records and the parameters take gradients (an optimizer step may follow)
        boolean training = JniUtils.isGradMode() && params.values().stream().anyMatch(NDArray::hasGradient);
        if (training && fused != null) {
            parametersChanged(); // this pass may be followed by an optimizer step
        }
        Fused f = training || !fusedEnabled ? null : fused(ids.getManager());
        int rep = config.numHeads() / config.numKvHeads();
        NDArray bias = attentionBias(ids.getManager(), keyMask, (int) t, rep, (int) t);
        // inference: the last layer computes queries, attention output and MLP for the kept positions only (keys and
        // values still for all positions, for the cache and the kept queries); training keeps every position
        int lastKeep = f != null && keepLast < t ? keepLast : (int) t;
        NDArray lastBias = lastKeep < t ? attentionBias(ids.getManager(), keyMask, (int) t, rep, lastKeep) : bias;
        NDArray h = Embedding.embedding(ids, params.get("model.embed_tokens.weight"), SparseFormat.DENSE)
                .singletonOrThrow();
        NDArray[] rope = rope(positions);
        for (int layer = 0; layer < config.numLayers(); layer++) {
            boolean last = layer == config.numLayers() - 1;
            h = layer(h, layer, f, rope, last ? lastBias : bias, cache, batch, t, last ? lastKeep : (int) t);
        }
        h = chain(h, y -> rmsNorm(y, params.get("model.norm.weight")));
        long rows = h.getShape().get(1);
        return keepLast < rows ? chain(h, y -> y.get(":, " + (rows - keepLast) + ":, :")) : h;
    }

    /**
     * One decoder layer; returns the new hidden states of the last {@code keep} positions and closes {@code h}.
     *
     * <p>Memory: every intermediate is closed at its last use ({@link #chain}, {@link #release}; the attention and MLP
     * blocks also run in their own {@link NDScope} for anything left), and the residual stream as soon as the next one
     * exists, as eager PyTorch frees a tensor when its last reference goes. Left to the caller's scope, a pass held all
     * its intermediates to the end, so each op wrote its output to fresh memory: thousands of page faults per scoring
     * call, and 1 MB attention scores written to cold memory, 2-7x slower per op than the same op reusing a just-freed
     * buffer. Autograd keeps its own references to what the backward pass needs (op outputs live in libtorch's memory),
     * so closing the Java handles early is safe in training too, and changes no arithmetic.
     */
    private NDArray layer(
            NDArray h,
            int layer,
            @Nullable Fused f,
            NDArray[] rope,
            NDArray bias,
            @Nullable KvCache cache,
            long batch,
            long t,
            int keep) {
        String p = "model.layers." + layer + ".";
        NDArray a = scoped(() -> {
            // the norm's output is closed by the attention once q, k and v are projected
            NDArray x = rmsNorm(h, params.get(p + "input_layernorm.weight"));
            return f == null
                    ? attention(x, p + "self_attn.", rope, bias, cache, layer, batch, t)
                    : fusedAttention(f, x, p + "self_attn.", rope, bias, cache, layer, batch, t, keep);
        });
        NDArray kept = keep < t ? h.get(":, " + (t - keep) + ":, :") : h;
        NDArray h1 = kept.add(a);
        a.close();
        kept.close();
        h.close();
        NDArray m = scoped(() -> {
            NDArray x = rmsNorm(h1, params.get(p + "post_attention_layernorm.weight"));
            NDArray gate = linear(x, p + "mlp.gate_proj");
            NDArray up = linear(x, p + "mlp.up_proj");
            release(x);
            NDArray act = chain(Activation.sigmoid(gate), gate::mul);
            release(gate);
            NDArray product = act.mul(up);
            release(act, up);
            return chain(product, y -> linear(y, p + "mlp.down_proj"));
        });
        NDArray out = h1.add(m);
        m.close();
        h1.close();
        return out;
    }

    /**
     * Applies the operations one after the other, closing each intermediate result (and {@code x}) once the next
     * exists: for intermediates whose only use this is.
     */
    @SafeVarargs
    private static NDArray chain(NDArray x, java.util.function.UnaryOperator<NDArray>... ops) {
        for (java.util.function.UnaryOperator<NDArray> op : ops) {
            NDArray y = op.apply(x);
            if (y != x) {
                release(x);
            }
            x = y;
        }
        return x;
    }

    /** Closes intermediates at their last use (see {@link #layer}); never arrays made from Java memory. */
    private static void release(NDArray... arrays) {
        for (NDArray a : arrays) {
            a.close();
        }
    }

    /** The result of a block, which stays registered in the caller's scope; the block's intermediates are closed. */
    private static NDArray scoped(java.util.function.Supplier<NDArray> block) {
        NDArray out;
        try (NDScope scope = new NDScope()) {
            out = block.get();
            NDScope.unregister(out);
        }
        NDScope.register(out);
        return out;
    }

    private NDArray attention(
            NDArray x, String p, NDArray[] rope, NDArray bias, @Nullable KvCache cache, int layer, long batch, long t) {
        int heads = config.numHeads();
        int kvHeads = config.numKvHeads();
        int hd = config.headDim();
        NDArray q = chain(linear(x, p + "q_proj"), y -> y.reshape(batch, t, heads, hd), y -> y.transpose(0, 2, 1, 3));
        NDArray k = chain(linear(x, p + "k_proj"), y -> y.reshape(batch, t, kvHeads, hd), y -> y.transpose(0, 2, 1, 3));
        NDArray v = chain(linear(x, p + "v_proj"), y -> y.reshape(batch, t, kvHeads, hd), y -> y.transpose(0, 2, 1, 3));
        release(x);
        q = chain(q, y -> applyRope(y, rope));
        k = chain(k, y -> applyRope(y, rope));
        if (cache != null) {
            NDArray[] kv = cache.append(layer, k, v);
            release(k, v);
            k = kv[0];
            v = kv[1];
        }
        // Grouped-query attention without copying keys and values (HF repeat_kv): query head h uses key/value head
        // h / rep, so the rep query heads of a group are stacked as rep*T rows against their shared keys.
        int rep = heads / kvHeads;
        NDArray grouped = rep == 1 ? q : chain(q, y -> y.reshape(batch, kvHeads, rep * t, hd));
        NDArray keysT = chain(k, y -> y.transpose(0, 1, 3, 2));
        NDArray probs = chain(grouped.matMul(keysT), y -> y.mul(scoreScale), y -> y.add(bias), y -> y.softmax(-1));
        release(grouped, keysT);
        NDArray out = probs.matMul(v);
        release(probs, v);
        if (rep > 1) {
            out = chain(out, y -> y.reshape(batch, heads, t, hd));
        }
        return chain(
                out,
                y -> y.transpose(0, 2, 1, 3),
                y -> y.reshape(batch, t, (long) heads * hd),
                y -> linear(y, p + "o_proj"));
    }

    /**
     * Attention with one q/k/v projection, RoPE on q and k together as {@code x * cos + (x @ R) * sin}, and the score
     * scale folded into the q weights: 11 native calls per layer where {@link #attention} makes 24.
     */
    private NDArray fusedAttention(
            Fused f,
            NDArray x,
            String p,
            NDArray[] rope,
            NDArray bias,
            @Nullable KvCache cache,
            int layer,
            long batch,
            long t,
            int keep) {
        int heads = config.numHeads();
        int kvHeads = config.numKvHeads();
        int hd = config.headDim();
        NDArray b = f.qkvBias()[layer];
        NDArray qkv = chain(
                (b == null ? Linear.linear(x, f.qkvWeight()[layer]) : Linear.linear(x, f.qkvWeight()[layer], b))
                        .singletonOrThrow(),
                y -> y.reshape(batch, t, heads + 2L * kvHeads, hd),
                y -> y.transpose(0, 2, 1, 3));
        release(x);
        NDArray qkRaw = qkv.get(":, :" + (heads + kvHeads));
        NDArray rotated = chain(qkRaw.matMul(f.rotateHalf()), y -> y.mul(rope[1]));
        NDArray qk = chain(qkRaw.mul(rope[0]), y -> y.add(rotated));
        release(qkRaw, rotated);
        NDArray q = qk.get(":, :" + heads);
        NDArray k = qk.get(":, " + heads + ":");
        NDArray v = qkv.get(":, " + (heads + kvHeads) + ":");
        release(qk, qkv);
        if (cache != null) {
            NDArray[] kv = cache.append(layer, k, v);
            release(k, v);
            k = kv[0];
            v = kv[1];
        }
        if (keep < t) {
            q = chain(q, y -> y.get(":, :, " + (t - keep) + ":, :"));
        }
        int rep = heads / kvHeads;
        NDArray grouped = rep == 1 ? q : chain(q, y -> y.reshape(batch, kvHeads, rep * keep, hd));
        NDArray keysT = chain(k, y -> y.transpose(0, 1, 3, 2));
        NDArray probs = chain(grouped.matMul(keysT), y -> y.add(bias), y -> y.softmax(-1));
        release(grouped, keysT);
        NDArray out = probs.matMul(v);
        release(probs, v);
        if (rep > 1) {
            out = chain(out, y -> y.reshape(batch, heads, keep, hd));
        }
        return chain(
                out,
                y -> y.transpose(0, 2, 1, 3),
                y -> y.reshape(batch, keep, (long) heads * hd),
                y -> linear(y, p + "o_proj"));
    }

    /** cos and sin of {@code [B, 1, T, headDim]} for the positions, halves duplicated as HF does. */
    private NDArray[] rope(NDArray positions) {
        if (ropeTables != null && fusedEnabled) {
            NDArray index =
                    positions.getDataType() == DataType.INT64 ? positions : positions.toType(DataType.INT64, false);
            return new NDArray[] {
                Embedding.embedding(index, ropeTables[0], SparseFormat.DENSE)
                        .singletonOrThrow()
                        .expandDims(1),
                Embedding.embedding(index, ropeTables[1], SparseFormat.DENSE)
                        .singletonOrThrow()
                        .expandDims(1)
            };
        }
        NDArray freqs = positions.toType(DataType.FLOAT32, false).expandDims(-1).mul(invFreq);
        NDArray emb = NDArrays.concat(new NDList(freqs, freqs), -1).expandDims(1);
        return new NDArray[] {emb.cos(), emb.sin()};
    }

    /** {@code x * cos + rotate_half(x) * sin}, rotate_half = cat(-x2, x1) over the two halves (not interleaved). */
    private NDArray applyRope(NDArray x, NDArray[] rope) {
        int half = config.headDim() / 2;
        NDArray x1 = x.get("..., :" + half);
        NDArray negated = chain(x.get("..., " + half + ":"), NDArray::neg);
        NDArray rotated = chain(NDArrays.concat(new NDList(negated, x1), -1), y -> y.mul(rope[1]));
        release(x1, negated);
        NDArray out = chain(x.mul(rope[0]), y -> y.add(rotated));
        release(rotated);
        return out;
    }

    /** {@code x * rsqrt(mean(x^2) + eps) * weight}, in float32. */
    private NDArray rmsNorm(NDArray x, NDArray weight) {
        NDArray root = chain(x.square(), y -> y.mean(new int[] {-1}, true), y -> y.add(rmsEps), NDArray::sqrt);
        NDArray out = chain(x.div(root), y -> y.mul(weight));
        release(root);
        return out;
    }

    private NDArray linear(NDArray x, String name) {
        NDArray bias = params.get(name + ".bias");
        NDArray weight = params.get(name + ".weight");
        return (bias == null ? Linear.linear(x, weight) : Linear.linear(x, weight, bias)).singletonOrThrow();
    }

    /** {@link #attentionBias(NDManager, int[][], int, int, int)} for all queries. */
    static NDArray attentionBias(NDManager manager, int[][] keyMask, int queries, int rep) {
        return attentionBias(manager, keyMask, queries, rep, queries);
    }

    /**
     * The additive attention bias {@code [B or 1, 1, rep * kept, S]} for the last {@code kept} of {@code queries}
     * queries: a key is visible if real and not after the query; the kept query rows repeat for each of the
     * {@code rep} query heads that share a key/value head. Rows with equal masks (no padding, as in training) share
     * one bias row that broadcasts over the batch.
     */
    static NDArray attentionBias(NDManager manager, int[][] keyMask, int queries, int rep, int kept) {
        boolean shared = true;
        for (int b = 1; b < keyMask.length && shared; b++) {
            shared = java.util.Arrays.equals(keyMask[b], keyMask[0]);
        }
        int batch = shared ? 1 : keyMask.length;
        int keys = keyMask[0].length;
        int past = keys - queries;
        int first = queries - kept;
        int rows = rep * kept;
        float[] bias = new float[batch * rows * keys];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < kept; i++) {
                int base = (b * rows + i) * keys;
                for (int j = 0; j < keys; j++) {
                    boolean visible = j <= past + first + i && keyMask[b][j] != 0;
                    bias[base + j] = visible ? 0f : MASKED;
                }
                for (int r = 1; r < rep; r++) {
                    System.arraycopy(bias, base, bias, base + r * kept * keys, keys);
                }
            }
        }
        return manager.create(bias, new Shape(batch, 1, rows, keys));
    }
}
