package org.cailab.model.engine;

import java.util.Map;

/** A scalar, double-precision Llama forward pass written straight from the Hugging Face code, as a reference. */
final class NaiveLlama {

    private final LlamaConfig c;
    private final Map<String, HostTensor> w;

    NaiveLlama(LlamaConfig config, Map<String, HostTensor> weights) {
        this.c = config;
        this.w = weights;
    }

    /** Logits {@code [T][V]} for one sequence at positions 0..T-1. */
    double[][] logits(long[] ids) {
        int t = ids.length;
        int d = c.hiddenSize();
        double[][] h = new double[t][d];
        float[] emb = w.get("model.embed_tokens.weight").data();
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < d; j++) {
                h[i][j] = emb[(int) ids[i] * d + j];
            }
        }
        for (int layer = 0; layer < c.numLayers(); layer++) {
            String p = "model.layers." + layer + ".";
            double[][] x = norm(h, p + "input_layernorm.weight");
            double[][] attn = attention(x, p + "self_attn.");
            add(h, attn);
            x = norm(h, p + "post_attention_layernorm.weight");
            double[][] gate = linear(x, p + "mlp.gate_proj");
            double[][] up = linear(x, p + "mlp.up_proj");
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < gate[i].length; j++) {
                    double g = gate[i][j];
                    gate[i][j] = g / (1 + Math.exp(-g)) * up[i][j];
                }
            }
            add(h, linear(gate, p + "mlp.down_proj"));
        }
        h = norm(h, "model.norm.weight");
        String head = c.tieWordEmbeddings() ? "model.embed_tokens" : "lm_head";
        return linear(h, head);
    }

    private double[][] attention(double[][] x, String p) {
        int t = x.length;
        int hd = c.headDim();
        int rep = c.numHeads() / c.numKvHeads();
        double[][] q = linear(x, p + "q_proj");
        double[][] k = linear(x, p + "k_proj");
        double[][] v = linear(x, p + "v_proj");
        float[] inv = RopeScaling.inverseFrequencies(hd, c.ropeTheta(), c.ropeScaling());
        for (int i = 0; i < t; i++) {
            for (int head = 0; head < c.numHeads(); head++) {
                rope(q[i], head * hd, i, inv);
            }
            for (int head = 0; head < c.numKvHeads(); head++) {
                rope(k[i], head * hd, i, inv);
            }
        }
        double[][] out = new double[t][c.numHeads() * hd];
        for (int head = 0; head < c.numHeads(); head++) {
            int kvHead = head / rep;
            for (int i = 0; i < t; i++) {
                double[] scores = new double[i + 1];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j <= i; j++) {
                    double s = 0;
                    for (int e = 0; e < hd; e++) {
                        s += q[i][head * hd + e] * k[j][kvHead * hd + e];
                    }
                    scores[j] = s / Math.sqrt(hd);
                    max = Math.max(max, scores[j]);
                }
                double sum = 0;
                for (int j = 0; j <= i; j++) {
                    scores[j] = Math.exp(scores[j] - max);
                    sum += scores[j];
                }
                for (int j = 0; j <= i; j++) {
                    for (int e = 0; e < hd; e++) {
                        out[i][head * hd + e] += scores[j] / sum * v[j][kvHead * hd + e];
                    }
                }
            }
        }
        return linear(out, p + "o_proj");
    }

    /** rotate_half RoPE on one head: pairs (e, e + hd/2). */
    private void rope(double[] vec, int offset, int position, float[] inv) {
        int half = c.headDim() / 2;
        for (int e = 0; e < half; e++) {
            double angle = position * (double) inv[e];
            double a = vec[offset + e];
            double b = vec[offset + e + half];
            vec[offset + e] = a * Math.cos(angle) - b * Math.sin(angle);
            vec[offset + e + half] = b * Math.cos(angle) + a * Math.sin(angle);
        }
    }

    private double[][] norm(double[][] x, String name) {
        float[] weight = w.get(name).data();
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double ms = 0;
            for (double v : x[i]) {
                ms += v * v;
            }
            double scale = 1 / Math.sqrt(ms / x[i].length + c.rmsNormEps());
            out[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                out[i][j] = x[i][j] * scale * weight[j];
            }
        }
        return out;
    }

    /** y = x W^T + b with W stored [out, in]. */
    private double[][] linear(double[][] x, String name) {
        HostTensor weight = w.get(name + ".weight");
        HostTensor bias = w.get(name + ".bias");
        int out = (int) weight.shape()[0];
        int in = (int) weight.shape()[1];
        double[][] y = new double[x.length][out];
        for (int i = 0; i < x.length; i++) {
            for (int o = 0; o < out; o++) {
                double s = bias == null ? 0 : bias.data()[o];
                for (int j = 0; j < in; j++) {
                    s += x[i][j] * weight.data()[o * in + j];
                }
                y[i][o] = s;
            }
        }
        return y;
    }

    private static void add(double[][] h, double[][] delta) {
        for (int i = 0; i < h.length; i++) {
            for (int j = 0; j < h[i].length; j++) {
                h[i][j] += delta[i][j];
            }
        }
    }
}
