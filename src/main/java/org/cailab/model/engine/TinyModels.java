package org.cailab.model.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Small random models in Hugging Face layout, for tests, benchmarks and from-scratch experiments. */
public final class TinyModels {

    /** The standard deviation Hugging Face's Llama uses ({@code initializer_range}). */
    public static final double INIT_STD = 0.02;

    private TinyModels() {}

    /**
     * Random weights: norms 1, every other tensor (biases included, so their code paths matter) normal with
     * standard deviation {@link #INIT_STD}. Each tensor's values depend only on the seed and the tensor's name.
     */
    public static Map<String, HostTensor> randomTensors(LlamaConfig config, long seed) {
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        for (var e : config.tensorShapes().entrySet()) {
            String name = e.getKey();
            float[] data = new float[(int) HostTensor.numel(e.getValue())];
            if (name.endsWith("norm.weight")) {
                java.util.Arrays.fill(data, 1f);
            } else {
                SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + name.hashCode());
                for (int i = 0; i < data.length; i++) {
                    data[i] = (float) (random.nextGaussian() * INIT_STD);
                }
            }
            tensors.put(name, new HostTensor(e.getValue(), data));
        }
        return tensors;
    }

    /**
     * Writes a model directory ({@code config.json}, {@code model.safetensors} in float32) with random weights. Add a
     * tokenizer with {@link BpeTokenizerTrainer} whose vocabulary size matches the config's.
     */
    public static void create(Path modelDir, LlamaConfig config, long seed) throws IOException {
        config.write(modelDir);
        SafetensorsWriter.write(modelDir.resolve("model.safetensors"), randomTensors(config, seed), DType.F32);
    }
}
