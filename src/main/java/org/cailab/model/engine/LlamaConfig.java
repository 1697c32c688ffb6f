package org.cailab.model.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shape of a Llama-family model, as in a Hugging Face {@code config.json}.
 *
 * @param architecture Llama, Mistral or Qwen2
 * @param vocabSize {@code vocab_size}
 * @param hiddenSize {@code hidden_size}
 * @param intermediateSize {@code intermediate_size} of the gated MLP
 * @param numLayers {@code num_hidden_layers}
 * @param numHeads {@code num_attention_heads}
 * @param numKvHeads {@code num_key_value_heads} (fewer than heads: grouped-query attention)
 * @param headDim {@code head_dim}, or hidden size / heads when the file has none
 * @param ropeTheta {@code rope_theta}
 * @param rmsNormEps {@code rms_norm_eps}
 * @param maxPositionEmbeddings {@code max_position_embeddings}: generation cuts longer prompts from the left and stops there
 * @param tieWordEmbeddings {@code tie_word_embeddings}: the LM head reuses the token embedding
 * @param attentionBias Llama's {@code attention_bias} (q, k, v and o); ignored for Qwen2, whose q, k, v always have one
 * @param mlpBias Llama's {@code mlp_bias}
 * @param ropeScaling {@code rope_scaling}, or null
 * @param bosTokenId {@code bos_token_id}, or null
 * @param eosTokenIds {@code eos_token_id} (one or several)
 */
public record LlamaConfig(
        Architecture architecture,
        int vocabSize,
        int hiddenSize,
        int intermediateSize,
        int numLayers,
        int numHeads,
        int numKvHeads,
        int headDim,
        double ropeTheta,
        double rmsNormEps,
        int maxPositionEmbeddings,
        boolean tieWordEmbeddings,
        boolean attentionBias,
        boolean mlpBias,
        @Nullable RopeScaling ropeScaling,
        @Nullable Long bosTokenId,
        List<Long> eosTokenIds) {

    public LlamaConfig {
        eosTokenIds = List.copyOf(eosTokenIds);
        if (numHeads % numKvHeads != 0) {
            throw new IllegalArgumentException(
                    "num_attention_heads " + numHeads + " is not a multiple of num_key_value_heads " + numKvHeads);
        }
        if (headDim % 2 != 0) {
            throw new IllegalArgumentException("head_dim must be even for rotary embeddings, got " + headDim);
        }
    }

    /** Whether the q, k and v projections carry a bias. */
    public boolean qkvBias() {
        return architecture == Architecture.QWEN2 || (architecture == Architecture.LLAMA && attentionBias);
    }

    /** Whether the attention output projection carries a bias. */
    public boolean outputBias() {
        return architecture == Architecture.LLAMA && attentionBias;
    }

    /** Whether the MLP projections carry a bias. */
    public boolean mlpProjectionBias() {
        return architecture == Architecture.LLAMA && mlpBias;
    }

    /** Every tensor the model needs, by Hugging Face name, with its shape, in a stable order. */
    public Map<String, long[]> tensorShapes() {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        long q = (long) numHeads * headDim;
        long kv = (long) numKvHeads * headDim;
        shapes.put("model.embed_tokens.weight", new long[] {vocabSize, hiddenSize});
        for (int i = 0; i < numLayers; i++) {
            String p = "model.layers." + i + ".";
            shapes.put(p + "input_layernorm.weight", new long[] {hiddenSize});
            linear(shapes, p + "self_attn.q_proj", q, hiddenSize, qkvBias());
            linear(shapes, p + "self_attn.k_proj", kv, hiddenSize, qkvBias());
            linear(shapes, p + "self_attn.v_proj", kv, hiddenSize, qkvBias());
            linear(shapes, p + "self_attn.o_proj", hiddenSize, q, outputBias());
            shapes.put(p + "post_attention_layernorm.weight", new long[] {hiddenSize});
            linear(shapes, p + "mlp.gate_proj", intermediateSize, hiddenSize, mlpProjectionBias());
            linear(shapes, p + "mlp.up_proj", intermediateSize, hiddenSize, mlpProjectionBias());
            linear(shapes, p + "mlp.down_proj", hiddenSize, intermediateSize, mlpProjectionBias());
        }
        shapes.put("model.norm.weight", new long[] {hiddenSize});
        if (!tieWordEmbeddings) {
            shapes.put("lm_head.weight", new long[] {vocabSize, hiddenSize});
        }
        return shapes;
    }

    private static void linear(Map<String, long[]> shapes, String name, long out, long in, boolean bias) {
        shapes.put(name + ".weight", new long[] {out, in});
        if (bias) {
            shapes.put(name + ".bias", new long[] {out});
        }
    }

    /** The number of parameters (tied embeddings counted once). */
    public long parameterCount() {
        long n = 0;
        for (long[] shape : tensorShapes().values()) {
            long size = 1;
            for (long d : shape) {
                size *= d;
            }
            n += size;
        }
        return n;
    }

    /** Reads {@code config.json} (and {@code generation_config.json}'s eos ids when present) from a model directory. */
    public static LlamaConfig read(Path modelDir) {
        Path file = modelDir.resolve("config.json");
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException(file + ": missing config.json");
        }
        try {
            LlamaConfig config = ConfigJson.parse(Json.MAPPER.readTree(Files.readString(file)), file);
            Path generation = modelDir.resolve("generation_config.json");
            if (Files.isRegularFile(generation)) {
                List<Long> eos = new ArrayList<>(config.eosTokenIds());
                for (long id : ConfigJson.ids(
                        Json.MAPPER.readTree(Files.readString(generation)).get("eos_token_id"))) {
                    if (!eos.contains(id)) {
                        eos.add(id);
                    }
                }
                config = config.withEosTokenIds(eos);
            }
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new ModelFormatException(file + ": broken JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes this configuration as {@code config.json} into a directory. */
    public void write(Path modelDir) throws IOException {
        Files.createDirectories(modelDir);
        Files.writeString(modelDir.resolve("config.json"), toJson());
    }

    /** This configuration as Hugging Face {@code config.json} text. */
    public String toJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.putArray("architectures").add(architecture.className());
        root.put("model_type", architecture.modelType());
        root.put("vocab_size", vocabSize);
        root.put("hidden_size", hiddenSize);
        root.put("intermediate_size", intermediateSize);
        root.put("num_hidden_layers", numLayers);
        root.put("num_attention_heads", numHeads);
        root.put("num_key_value_heads", numKvHeads);
        root.put("head_dim", headDim);
        root.put("hidden_act", "silu");
        root.put("rope_theta", ropeTheta);
        root.put("rms_norm_eps", rmsNormEps);
        root.put("max_position_embeddings", maxPositionEmbeddings);
        root.put("tie_word_embeddings", tieWordEmbeddings);
        if (architecture == Architecture.LLAMA) {
            root.put("attention_bias", attentionBias);
            root.put("mlp_bias", mlpBias);
        }
        if (ropeScaling != null) {
            ObjectNode rs = root.putObject("rope_scaling");
            rs.put("rope_type", ropeScaling.type());
            rs.put("factor", ropeScaling.factor());
            if (ropeScaling.type().equals("llama3")) {
                rs.put("low_freq_factor", ropeScaling.lowFreqFactor());
                rs.put("high_freq_factor", ropeScaling.highFreqFactor());
                rs.put("original_max_position_embeddings", ropeScaling.originalMaxPositionEmbeddings());
            }
        } else {
            root.putNull("rope_scaling");
        }
        if (bosTokenId != null) {
            root.put("bos_token_id", bosTokenId);
        }
        if (eosTokenIds.size() == 1) {
            root.put("eos_token_id", eosTokenIds.getFirst());
        } else if (!eosTokenIds.isEmpty()) {
            ArrayNode eos = root.putArray("eos_token_id");
            eosTokenIds.forEach(eos::add);
        }
        root.put("torch_dtype", "float32");
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** A copy with other end-of-sequence ids. */
    public LlamaConfig withEosTokenIds(List<Long> ids) {
        return new LlamaConfig(
                architecture,
                vocabSize,
                hiddenSize,
                intermediateSize,
                numLayers,
                numHeads,
                numKvHeads,
                headDim,
                ropeTheta,
                rmsNormEps,
                maxPositionEmbeddings,
                tieWordEmbeddings,
                attentionBias,
                mlpBias,
                ropeScaling,
                bosTokenId,
                ids);
    }

    /** A builder with Llama defaults (theta 10000, eps 1e-6, no GQA, untied, no biases). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link LlamaConfig}: {@code set*} for the required sizes, {@code opt*} for the rest. */
    public static final class Builder {
        private Architecture architecture = Architecture.LLAMA;
        private int vocabSize;
        private int hiddenSize;
        private int intermediateSize;
        private int numLayers;
        private int numHeads;
        private int numKvHeads;
        private int headDim;
        private double ropeTheta = 10000;
        private double rmsNormEps = 1e-6;
        private int maxPositionEmbeddings = 2048;
        private boolean tieWordEmbeddings;
        private boolean attentionBias;
        private boolean mlpBias;
        private @Nullable RopeScaling ropeScaling;
        private @Nullable Long bosTokenId;
        private List<Long> eosTokenIds = List.of();

        private Builder() {}

        public Builder setVocabSize(int vocabSize) {
            this.vocabSize = vocabSize;
            return this;
        }

        public Builder setHiddenSize(int hiddenSize) {
            this.hiddenSize = hiddenSize;
            return this;
        }

        public Builder setIntermediateSize(int intermediateSize) {
            this.intermediateSize = intermediateSize;
            return this;
        }

        public Builder setNumLayers(int numLayers) {
            this.numLayers = numLayers;
            return this;
        }

        public Builder setNumHeads(int numHeads) {
            this.numHeads = numHeads;
            return this;
        }

        public Builder optArchitecture(Architecture architecture) {
            this.architecture = architecture;
            return this;
        }

        public Builder optNumKvHeads(int numKvHeads) {
            this.numKvHeads = numKvHeads;
            return this;
        }

        public Builder optHeadDim(int headDim) {
            this.headDim = headDim;
            return this;
        }

        public Builder optRopeTheta(double ropeTheta) {
            this.ropeTheta = ropeTheta;
            return this;
        }

        public Builder optRmsNormEps(double rmsNormEps) {
            this.rmsNormEps = rmsNormEps;
            return this;
        }

        public Builder optMaxPositionEmbeddings(int maxPositionEmbeddings) {
            this.maxPositionEmbeddings = maxPositionEmbeddings;
            return this;
        }

        public Builder optTieWordEmbeddings(boolean tie) {
            this.tieWordEmbeddings = tie;
            return this;
        }

        public Builder optAttentionBias(boolean attentionBias) {
            this.attentionBias = attentionBias;
            return this;
        }

        public Builder optMlpBias(boolean mlpBias) {
            this.mlpBias = mlpBias;
            return this;
        }

        public Builder optRopeScaling(@Nullable RopeScaling ropeScaling) {
            this.ropeScaling = ropeScaling;
            return this;
        }

        public Builder optBosTokenId(@Nullable Long bosTokenId) {
            this.bosTokenId = bosTokenId;
            return this;
        }

        public Builder optEosTokenIds(List<Long> eosTokenIds) {
            this.eosTokenIds = eosTokenIds;
            return this;
        }

        public LlamaConfig build() {
            int kv = numKvHeads > 0 ? numKvHeads : numHeads;
            int hd = headDim > 0 ? headDim : hiddenSize / numHeads;
            return new LlamaConfig(
                    architecture,
                    vocabSize,
                    hiddenSize,
                    intermediateSize,
                    numLayers,
                    numHeads,
                    kv,
                    hd,
                    ropeTheta,
                    rmsNormEps,
                    maxPositionEmbeddings,
                    tieWordEmbeddings,
                    attentionBias,
                    mlpBias,
                    ropeScaling,
                    bosTokenId,
                    eosTokenIds);
        }
    }
}
