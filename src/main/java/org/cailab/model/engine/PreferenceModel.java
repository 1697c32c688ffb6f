package org.cailab.model.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The paper's preference model: a Llama-family transformer with a scalar head. The reward of a text is
 * {@code score.weight · h}, where {@code h} is the final hidden state (after the last norm) at the text's last token.
 *
 * <p>It is stored as Hugging Face's {@code LlamaForSequenceClassification} (or the Mistral / Qwen2 variant):
 * {@code config.json} with {@code architectures}, {@code num_labels: 1}, {@code id2label}/{@code label2id} and
 * {@code pad_token_id}; {@code model.safetensors} with the backbone's {@code model.*} tensors and
 * {@code score.weight} of shape {@code [1, hidden]} (no bias, no {@code lm_head}). Transformers loads such a directory
 * with {@code AutoModelForSequenceClassification} and computes the same reward (it reads the last non-padding token).
 *
 * <p>Scoring may be called from several threads; training goes through {@link Trainer#Trainer(PreferenceModel,
 * TrainingConfig)} and must not run while anything else uses the model. Closing it frees the weights and tokenizer.
 */
public final class PreferenceModel implements AutoCloseable {

    /** The tensor name of the scalar head, as in transformers. */
    public static final String SCORE_WEIGHT = "score.weight";
    /** Rows per scoring forward pass when none is given. */
    public static final int DEFAULT_BATCH = 8;

    private final LlamaModel backbone;
    private final NDArray scoreWeight;
    private final @Nullable TextTokenizer tokenizer;

    private PreferenceModel(LlamaModel backbone, NDArray scoreWeight, @Nullable TextTokenizer tokenizer) {
        this.backbone = backbone;
        this.scoreWeight = scoreWeight;
        this.tokenizer = tokenizer;
    }

    /**
     * A new preference model initialised from a causal-LM directory (a snapshot): the backbone's weights are the
     * snapshot's (its LM head is dropped), the head is normal with standard deviation {@link TinyModels#INIT_STD}
     * drawn from {@code seed}. The tokenizer is the snapshot's when it has one.
     */
    public static PreferenceModel initialize(Path causalLmDir, Device device, long seed) {
        LlamaConfig config = headless(LlamaConfig.read(causalLmDir));
        float[] head = new float[config.hiddenSize()];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < head.length; i++) {
            head[i] = (float) (random.nextGaussian() * TinyModels.INIT_STD);
        }
        return assemble(LlamaModel.load(causalLmDir, config, device), head, causalLmDir);
    }

    /**
     * Loads a preference-model directory written by {@link #save} (or by transformers).
     *
     * @throws ModelFormatException when config.json is not a one-label sequence-classification model or
     *     {@code score.weight} is missing or misshapen
     */
    public static PreferenceModel load(Path dir, Device device) {
        Path configFile = dir.resolve("config.json");
        JsonNode root = readJson(configFile);
        if (!ConfigJson.isSequenceClassification(root)) {
            throw new ModelFormatException(configFile + ": not a preference model: architectures "
                    + root.path("architectures") + " name no ...ForSequenceClassification");
        }
        int labels = root.has("num_labels")
                ? root.path("num_labels").asInt()
                : root.has("id2label") ? root.path("id2label").size() : 2;
        if (labels != 1) {
            throw new ModelFormatException(configFile + ": a preference model has num_labels 1, found " + labels);
        }
        LlamaConfig config = LlamaConfig.read(dir);
        float[] head;
        try (WeightFiles files = WeightFiles.open(dir)) {
            head = files.read(SCORE_WEIGHT, new long[] {1, config.hiddenSize()}).data();
        }
        return assemble(LlamaModel.load(dir, config, device), head, dir);
    }

    /** Loads onto the CPU. */
    public static PreferenceModel load(Path dir) {
        return load(dir, Device.cpu());
    }

    /** A preference model from tensors in Java memory (tests): the backbone's tensors and the head's values. */
    public static PreferenceModel fromTensors(
            LlamaConfig config, Map<String, HostTensor> tensors, float[] head, Device device) {
        return assemble(LlamaModel.fromTensors(headless(config), tensors, device), head, null);
    }

    private static PreferenceModel assemble(LlamaModel backbone, float[] head, @Nullable Path tokenizerDir) {
        try {
            if (head.length != backbone.config().hiddenSize()) {
                throw new ModelFormatException("score.weight has " + head.length + " values, expected hidden size "
                        + backbone.config().hiddenSize());
            }
            NDArray weight = TorchMemory.owned(backbone.manager().create(head, new Shape(1, head.length)));
            weight.setName(SCORE_WEIGHT);
            NDScope.unregister(weight);
            TextTokenizer tokenizer =
                    tokenizerDir != null && Files.isRegularFile(tokenizerDir.resolve("tokenizer.json"))
                            ? TextTokenizer.load(tokenizerDir)
                            : null;
            return new PreferenceModel(backbone, weight, tokenizer);
        } catch (RuntimeException e) {
            backbone.close();
            throw e;
        }
    }

    /** The configuration without an LM head (tied embeddings are read and written as such; nothing else changes). */
    static LlamaConfig headless(LlamaConfig c) {
        return LlamaConfig.builder()
                .optArchitecture(c.architecture())
                .setVocabSize(c.vocabSize())
                .setHiddenSize(c.hiddenSize())
                .setIntermediateSize(c.intermediateSize())
                .setNumLayers(c.numLayers())
                .setNumHeads(c.numHeads())
                .optNumKvHeads(c.numKvHeads())
                .optHeadDim(c.headDim())
                .optRopeTheta(c.ropeTheta())
                .optRmsNormEps(c.rmsNormEps())
                .optMaxPositionEmbeddings(c.maxPositionEmbeddings())
                .optTieWordEmbeddings(true)
                .optAttentionBias(c.attentionBias())
                .optMlpBias(c.mlpBias())
                .optRopeScaling(c.ropeScaling())
                .optBosTokenId(c.bosTokenId())
                .optEosTokenIds(c.eosTokenIds())
                .build();
    }

    public LlamaModel backbone() {
        return backbone;
    }

    public LlamaConfig config() {
        return backbone.config();
    }

    public boolean hasTokenizer() {
        return tokenizer != null;
    }

    /** The tokenizer; fails when the model directory had none. */
    public TextTokenizer tokenizer() {
        if (tokenizer == null) {
            throw new IllegalStateException("this preference model has no tokenizer.json");
        }
        return tokenizer;
    }

    /** The head's weights, {@code [hidden]} (a copy). */
    public float[] scoreWeights() {
        return scoreWeight.toFloatArray();
    }

    /**
     * The rewards of token sequences as a differentiable {@code [B]} array: the sequences are left-padded into one
     * batch so every row's last token sits at the last position. Call inside an {@link NDScope}.
     */
    public NDArray rewards(List<long[]> sequences) {
        int rows = sequences.size();
        int length = 0;
        for (long[] s : sequences) {
            length = Math.max(length, PromptIds.nonEmpty(s, config()).length);
        }
        long pad = PromptIds.padId(config());
        long[][] ids = new long[rows][length];
        int[][] mask = new int[rows][length];
        for (int r = 0; r < rows; r++) {
            long[] s = PromptIds.nonEmpty(sequences.get(r), config());
            java.util.Arrays.fill(ids[r], pad);
            System.arraycopy(s, 0, ids[r], length - s.length, s.length);
            java.util.Arrays.fill(mask[r], length - s.length, length, 1);
        }
        NDArray last = backbone.hiddenStates(ids, mask, 1).reshape(rows, config().hiddenSize());
        return last.matMul(scoreWeight.transpose()).reshape(rows);
    }

    /** Rewards of token sequences, {@code batchSize} rows per forward pass, without gradients. */
    public float[] scoreIds(List<long[]> sequences, int batchSize) {
        float[] out = new float[sequences.size()];
        try (GradMode.Restore grad = GradMode.set(false)) {
            for (int start = 0; start < sequences.size(); start += batchSize) {
                int end = Math.min(sequences.size(), start + batchSize);
                try (NDScope ignored = new NDScope()) {
                    float[] batch = rewards(sequences.subList(start, end)).toFloatArray();
                    System.arraycopy(batch, 0, out, start, batch.length);
                }
            }
        }
        return out;
    }

    /** The token ids of {@code conversation + response} as the model reads them (with the tokenizer's BOS). */
    public long[] encode(String conversation, String response) {
        return tokenizer().encode(conversation + response, true);
    }

    /**
     * Rewards of responses after conversations (texts in the Human/Assistant format, the response continuing the
     * conversation's last {@code Assistant:}), batched.
     */
    public float[] score(List<String> conversations, List<String> responses) {
        if (conversations.size() != responses.size()) {
            throw new IllegalArgumentException(
                    conversations.size() + " conversations but " + responses.size() + " responses");
        }
        List<long[]> ids = new ArrayList<>();
        for (int i = 0; i < conversations.size(); i++) {
            ids.add(encode(conversations.get(i), responses.get(i)));
        }
        return scoreIds(ids, DEFAULT_BATCH);
    }

    /** Writes {@code config.json} and {@code model.safetensors} in the sequence-classification layout. */
    public void save(Path dir) throws IOException {
        LlamaConfig config = config();
        Files.createDirectories(dir);
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(config.toJson());
        String causal = config.architecture().className();
        root.putArray("architectures").add(causal.replace("ForCausalLM", ConfigJson.SEQUENCE_CLASSIFICATION));
        root.put("num_labels", 1);
        root.putObject("id2label").put("0", "LABEL_0");
        root.putObject("label2id").put("LABEL_0", 0);
        root.put("pad_token_id", PromptIds.padId(config));
        root.put("problem_type", "regression");
        Files.writeString(
                dir.resolve("config.json"),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        Map<String, long[]> shapes = new LinkedHashMap<>();
        Map<String, NDArray> params = parameters();
        params.forEach((name, array) -> shapes.put(name, array.getShape().getShape()));
        SafetensorsWriter.write(
                dir.resolve("model.safetensors"),
                shapes,
                name -> params.get(name).toFloatArray(),
                DType.F32);
    }

    /** Backbone parameters and the head, by Hugging Face name. */
    Map<String, NDArray> parameters() {
        Map<String, NDArray> all = new LinkedHashMap<>(backbone.parameters());
        all.put(SCORE_WEIGHT, scoreWeight);
        return all;
    }

    Trainable trainable() {
        Map<String, NDArray> params = java.util.Collections.unmodifiableMap(parameters());
        return new Trainable() {
            @Override
            public Map<String, NDArray> parameters() {
                return params;
            }

            @Override
            public void save(Path dir) throws IOException {
                PreferenceModel.this.save(dir);
            }
        };
    }

    private static JsonNode readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException(file + ": missing config.json");
        }
        try {
            return Json.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new ModelFormatException(file + ": broken JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            backbone.close();
        } finally {
            if (tokenizer != null) {
                tokenizer.close();
            }
        }
    }
}
