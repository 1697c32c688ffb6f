package org.cailab.model.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Parses a Hugging Face {@code config.json} tree into a {@link LlamaConfig}, naming the file on every error. */
final class ConfigJson {

    static final String SEQUENCE_CLASSIFICATION = "ForSequenceClassification";

    private ConfigJson() {}

    /** Whether {@code architectures} names a sequence-classification model (a preference model: no LM head). */
    static boolean isSequenceClassification(JsonNode root) {
        for (JsonNode n : root.path("architectures").values()) {
            if (n.asString().endsWith(SEQUENCE_CLASSIFICATION)) {
                return true;
            }
        }
        return false;
    }

    static LlamaConfig parse(JsonNode root, Path file) {
        Architecture architecture = architecture(root, file);
        int hidden = required(root, "hidden_size", file);
        int heads = required(root, "num_attention_heads", file);
        LlamaConfig.Builder b = LlamaConfig.builder()
                .optArchitecture(architecture)
                .setVocabSize(required(root, "vocab_size", file))
                .setHiddenSize(hidden)
                .setIntermediateSize(required(root, "intermediate_size", file))
                .setNumLayers(required(root, "num_hidden_layers", file))
                .setNumHeads(heads)
                .optNumKvHeads(root.path("num_key_value_heads").asInt(heads))
                .optHeadDim(
                        root.path("head_dim").isNumber() ? root.path("head_dim").asInt() : hidden / heads)
                .optRopeTheta(root.path("rope_theta").asDouble(10000))
                .optRmsNormEps(root.path("rms_norm_eps").asDouble(1e-6))
                .optMaxPositionEmbeddings(root.path("max_position_embeddings").asInt(2048))
                // a sequence-classification model has no lm_head: reading it as tied expects none
                .optTieWordEmbeddings(
                        root.path("tie_word_embeddings").asBoolean(false) || isSequenceClassification(root))
                .optAttentionBias(root.path("attention_bias").asBoolean(false))
                .optMlpBias(root.path("mlp_bias").asBoolean(false))
                .optRopeScaling(ropeScaling(root.get("rope_scaling"), file))
                .optEosTokenIds(ids(root.get("eos_token_id")));
        List<Long> bos = ids(root.get("bos_token_id"));
        b.optBosTokenId(bos.isEmpty() ? null : bos.getFirst());
        String act = root.path("hidden_act").asString("silu");
        if (!act.equals("silu")) {
            throw new ModelFormatException(file + ": unsupported hidden_act " + act + " (only silu)");
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file + ": " + e.getMessage(), e);
        }
    }

    private static Architecture architecture(JsonNode root, Path file) {
        JsonNode list = root.path("architectures");
        List<String> names = new ArrayList<>();
        list.values().forEach(n -> names.add(n.asString()));
        if (names.isEmpty() && root.has("model_type")) {
            names.add(root.path("model_type").asString());
        }
        for (String name : names) {
            var found = Architecture.find(name);
            if (found.isEmpty() && name.endsWith(SEQUENCE_CLASSIFICATION)) {
                found = Architecture.find(
                        name.substring(0, name.length() - SEQUENCE_CLASSIFICATION.length()) + "ForCausalLM");
            }
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new ModelFormatException(file + ": unsupported architecture " + names
                + " (supported: LlamaForCausalLM, MistralForCausalLM, Qwen2ForCausalLM and their"
                + " ForSequenceClassification variants)");
    }

    private static int required(JsonNode root, String field, Path file) {
        JsonNode node = root.get(field);
        if (node == null || !node.isNumber()) {
            throw new ModelFormatException(file + ": missing or non-numeric " + field);
        }
        return node.asInt();
    }

    private static @Nullable RopeScaling ropeScaling(@Nullable JsonNode node, Path file) {
        if (node == null || node.isNull()) {
            return null;
        }
        String type = node.has("rope_type")
                ? node.path("rope_type").asString()
                : node.path("type").asString("");
        return switch (type) {
            case "default" -> null;
            case "linear" -> new RopeScaling("linear", node.path("factor").asDouble(1), 0, 0, 0);
            case "llama3" ->
                RopeScaling.llama3(
                        node.path("factor").asDouble(8),
                        node.path("low_freq_factor").asDouble(1),
                        node.path("high_freq_factor").asDouble(4),
                        node.path("original_max_position_embeddings").asInt(8192));
            default ->
                throw new ModelFormatException(
                        file + ": unsupported rope_scaling type '" + type + "' (supported: default, linear, llama3)");
        };
    }

    /** An id field that may be a number, a list of numbers, or absent. */
    static List<Long> ids(@Nullable JsonNode node) {
        List<Long> ids = new ArrayList<>();
        if (node == null || node.isNull()) {
            return ids;
        }
        if (node.isArray()) {
            node.values().forEach(n -> ids.add(n.asLong()));
        } else if (node.isNumber()) {
            ids.add(node.asLong());
        }
        return ids;
    }
}
