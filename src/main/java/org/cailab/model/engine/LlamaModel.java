package org.cailab.model.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Llama-family decoder (Llama, Mistral, Qwen2) with float32 weights on one device. Owns its native memory: close it.
 *
 * <p>The forward methods create NDArrays in the model's manager; call them inside an {@link ai.djl.ndarray.NDScope}
 * (or close the results) and copy what you need to Java before the scope ends. Inference is thread-safe; training
 * mutates the parameters in place and must not run concurrently with other calls.
 */
public final class LlamaModel implements AutoCloseable {

    private final LlamaConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> parameters;
    private final Transformer transformer;

    private LlamaModel(LlamaConfig config, NDManager manager, Map<String, NDArray> parameters, NDArray invFreq) {
        this.config = config;
        this.manager = manager;
        this.parameters = Collections.unmodifiableMap(parameters);
        this.transformer = new Transformer(config, this.parameters, invFreq);
    }

    /** Loads a Hugging Face model directory onto the CPU. */
    public static LlamaModel load(Path modelDir) {
        return load(modelDir, Device.cpu());
    }

    /**
     * Loads a Hugging Face model directory: {@code config.json} and {@code model.safetensors} or the shards of
     * {@code model.safetensors.index.json}. Tensors that the architecture does not use are ignored.
     *
     * @throws ModelFormatException naming the file, tensor and expected shape when something is missing or wrong
     */
    public static LlamaModel load(Path modelDir, Device device) {
        LlamaConfig config = LlamaConfig.read(modelDir);
        try (WeightFiles files = WeightFiles.open(modelDir)) {
            return create(config, device, (name, shape) -> files.read(name, shape));
        }
    }

    /** A model from tensors in Java memory (for example {@link TinyModels#randomTensors}). */
    public static LlamaModel fromTensors(LlamaConfig config, Map<String, HostTensor> tensors, Device device) {
        return create(config, device, (name, shape) -> {
            HostTensor t = tensors.get(name);
            if (t == null) {
                throw new ModelFormatException(
                        "missing tensor " + name + ", expected shape " + java.util.Arrays.toString(shape));
            }
            if (!java.util.Arrays.equals(t.shape(), shape)) {
                throw new ModelFormatException("tensor " + name + " has shape " + java.util.Arrays.toString(t.shape())
                        + ", expected " + java.util.Arrays.toString(shape));
            }
            return t;
        });
    }

    private interface TensorSource {
        HostTensor read(String name, long[] shape);
    }

    private static LlamaModel create(LlamaConfig config, Device device, TensorSource source) {
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        try {
            Map<String, NDArray> params = new LinkedHashMap<>();
            for (var e : config.tensorShapes().entrySet()) {
                HostTensor t = source.read(e.getKey(), e.getValue());
                NDArray array = TorchMemory.owned(manager.create(t.data(), new Shape(t.shape())));
                array.setName(e.getKey());
                params.put(e.getKey(), array);
            }
            float[] inv = RopeScaling.inverseFrequencies(config.headDim(), config.ropeTheta(), config.ropeScaling());
            return new LlamaModel(config, manager, params, TorchMemory.owned(manager.create(inv)));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public LlamaConfig config() {
        return config;
    }

    public Device device() {
        return manager.getDevice();
    }

    /** The manager that holds the parameters; arrays made by forward passes land here too. */
    public NDManager manager() {
        return manager;
    }

    /** The parameters by Hugging Face name (no {@code lm_head.weight} when embeddings are tied). */
    public Map<String, NDArray> parameters() {
        return parameters;
    }

    /**
     * Says that the parameters were changed in place outside a training forward pass (which notices by itself), so
     * that the fused inference weights (one q/k/v projection per layer) are rebuilt from them.
     */
    public void parametersChanged() {
        transformer.parametersChanged();
    }

    /** A fresh, empty KV cache for {@code batchSize} rows. */
    public KvCache newCache(int batchSize) {
        return new KvCache(config.numLayers(), batchSize);
    }

    /**
     * Runs left-padded rows through the model.
     *
     * @param ids {@code [B][T]} token ids; padding positions may hold any valid id
     * @param mask {@code [B][T]} 1 for real tokens, 0 for padding
     * @param cache the cache of earlier tokens of these rows, extended by this call; or null for a plain pass
     * @param keepLast logits are computed for the last {@code keepLast} positions only
     * @return logits {@code [B, keepLast, vocab]}
     */
    public NDArray forward(long[][] ids, int[][] mask, @Nullable KvCache cache, int keepLast) {
        int batch = ids.length;
        int t = ids[0].length;
        long[][] positions;
        int[][] keyMask;
        if (cache != null) {
            positions = cache.extend(mask);
            keyMask = cache.mask();
        } else {
            positions = new long[batch][t];
            for (int b = 0; b < batch; b++) {
                long next = 0;
                for (int i = 0; i < t; i++) {
                    positions[b][i] = next;
                    next += mask[b][i];
                }
            }
            keyMask = mask;
        }
        NDArray idArray = manager.create(flatten(ids), new Shape(batch, t));
        NDArray posArray = manager.create(flatten(positions), new Shape(batch, t));
        return transformer.forward(idArray, posArray, keyMask, cache, Math.min(keepLast, t));
    }

    /** The LM head: logits {@code [..., vocab]} of hidden states from {@link #hiddenStates}. */
    public NDArray lmHead(NDArray hidden) {
        NDArray head = config.tieWordEmbeddings()
                ? parameters.get("model.embed_tokens.weight")
                : parameters.get("lm_head.weight");
        return ai.djl.nn.core.Linear.linear(hidden, head).singletonOrThrow();
    }

    /**
     * The plain causal forward pass used in training: rows of equal length, no padding on the left (pad on the
     * right and leave those targets out of the loss), positions 0..T-1.
     *
     * @param ids {@code [B, T]} int64 token ids
     * @return logits {@code [B, T, vocab]}
     */
    public NDArray forwardCausal(NDArray ids) {
        long batch = ids.getShape().get(0);
        int t = (int) ids.getShape().get(1);
        NDArray positions = manager.arange(0f, (float) t).expandDims(0).broadcast(new Shape(batch, t));
        int[][] keyMask = new int[1][t];
        java.util.Arrays.fill(keyMask[0], 1);
        return transformer.forward(ids, positions, keyMask, null, t);
    }

    /**
     * The final hidden states (after the last norm, before the LM head) of left-padded rows, in a plain pass
     * without a cache; differentiable, so a head on top of them can be trained (see {@link PreferenceModel}).
     *
     * @param ids {@code [B][T]} token ids, left-padded
     * @param mask {@code [B][T]} 1 for real tokens, 0 for padding
     * @param keepLast hidden states are returned for the last {@code keepLast} positions only
     * @return {@code [B, keepLast, hidden]}
     */
    public NDArray hiddenStates(long[][] ids, int[][] mask, int keepLast) {
        int batch = ids.length;
        int t = ids[0].length;
        long[][] positions = new long[batch][t];
        for (int b = 0; b < batch; b++) {
            long next = 0;
            for (int i = 0; i < t; i++) {
                positions[b][i] = next;
                next += mask[b][i];
            }
        }
        NDArray idArray = manager.create(flatten(ids), new Shape(batch, t));
        NDArray posArray = manager.create(flatten(positions), new Shape(batch, t));
        return transformer.hidden(idArray, posArray, mask, null, Math.min(keepLast, t));
    }

    /**
     * Loads a model directory's weights with a given configuration (for example the backbone of a preference model,
     * which has no LM head); tensors the configuration does not use are ignored.
     */
    static LlamaModel load(Path modelDir, LlamaConfig config, Device device) {
        try (WeightFiles files = WeightFiles.open(modelDir)) {
            return create(config, device, (name, shape) -> files.read(name, shape));
        }
    }

    /** Writes {@code config.json} and {@code model.safetensors} (float32) into a directory. */
    public void save(Path modelDir) throws IOException {
        config.write(modelDir);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        parameters.forEach((name, array) -> shapes.put(name, array.getShape().getShape()));
        SafetensorsWriter.write(
                modelDir.resolve("model.safetensors"),
                shapes,
                name -> parameters.get(name).toFloatArray(),
                DType.F32);
    }

    @Override
    public void close() {
        manager.close();
    }

    private static long[] flatten(long[][] rows) {
        int t = rows[0].length;
        long[] flat = new long[rows.length * t];
        for (int b = 0; b < rows.length; b++) {
            System.arraycopy(rows[b], 0, flat, b * t, t);
        }
        return flat;
    }
}
