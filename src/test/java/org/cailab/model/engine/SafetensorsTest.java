package org.cailab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.extension.ExtendWith(SingleTorchThread.class)
class SafetensorsTest {

    @TempDir
    Path dir;

    @Test
    void headerIsPaddedAndCarriesFormatMetadata() throws IOException {
        Path file = dir.resolve("t.safetensors");
        SafetensorsWriter.write(file, Map.of("a", HostTensor.of(new float[] {1, 2, 3}, 3)), DType.F32);
        byte[] bytes = Files.readAllBytes(file);
        long headerLength =
                ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(headerLength % 8).isZero();
        String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
        assertThat(header).startsWith("{\"__metadata__\":{\"format\":\"pt\"}");
        assertThat(bytes).hasSize((int) (8 + headerLength + 12));
    }

    @Test
    void handWrittenBf16AndF16BytesDecode() throws IOException {
        // 1.5 = bf16 0x3FC0 = f16 0x3E00; -2 = bf16 0xC000 = f16 0xC000
        Path bf16 = handWritten("BF16", new short[] {0x3FC0, (short) 0xC000});
        Path f16 = handWritten("F16", new short[] {0x3E00, (short) 0xC000});
        try (SafetensorsReader a = SafetensorsReader.open(bf16);
                SafetensorsReader b = SafetensorsReader.open(f16)) {
            assertThat(a.read("x").data()).containsExactly(1.5f, -2f);
            assertThat(b.read("x").data()).containsExactly(1.5f, -2f);
        }
    }

    private Path handWritten(String dtype, short[] values) throws IOException {
        String header = "{\"x\":{\"dtype\":\"" + dtype + "\",\"shape\":[2],\"data_offsets\":[0,4]}}";
        ByteBuffer buffer = ByteBuffer.allocate(8 + header.length() + 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (short v : values) {
            buffer.putShort(v);
        }
        Path file = dir.resolve(dtype + ".safetensors");
        Files.write(file, buffer.array());
        return file;
    }

    @Test
    void bf16F16AndShardedModelsLoadToTheSameValues() throws IOException {
        LlamaConfig config = TestModels.llamaGqa();
        Map<String, HostTensor> weights = TinyModels.randomTensors(config, 13);
        Map<String, HostTensor> bf16Exact = new LinkedHashMap<>();
        weights.forEach((n, t) -> bf16Exact.put(n, roundTo(t, DType.BF16)));
        Path f32 = write("f32", config, bf16Exact, DType.F32, 0);
        Path bf16 = write("bf16", config, bf16Exact, DType.BF16, 0);
        Path f16 = write("f16", config, bf16Exact, DType.F16, 0);
        Path sharded = write("sharded", config, bf16Exact, DType.BF16, 40_000);
        assertThat(Files.exists(sharded.resolve("model.safetensors.index.json")))
                .isTrue();
        try (var files = Files.list(sharded)) {
            assertThat(files.filter(f -> f.getFileName().toString().matches("model-\\d{5}-of-\\d{5}\\.safetensors")))
                    .hasSizeGreaterThan(2);
        }
        long[][] ids = {{3, 1, 4, 1, 5, 9, 2, 6}};
        float[] expected = logits(f32, ids);
        assertThat(TestModels.maxAbsDiff(logits(bf16, ids), expected)).isZero();
        assertThat(TestModels.maxAbsDiff(logits(sharded, ids), expected)).isZero();
        // f16 holds these bf16 values exactly except the tiniest (f16 subnormals below 6e-5)
        assertThat(TestModels.maxAbsDiff(logits(f16, ids), expected)).isLessThan(1e-5f);
    }

    @Test
    void bf16RoundsToNearestEven() {
        assertThat(DType.toBfloat16(1f)).isEqualTo((short) 0x3F80);
        assertThat(DType.toBfloat16(Float.intBitsToFloat(0x3F808000))).isEqualTo((short) 0x3F80); // tie, even
        assertThat(DType.toBfloat16(Float.intBitsToFloat(0x3F818000))).isEqualTo((short) 0x3F82); // tie, to even
        assertThat(DType.toBfloat16(Float.intBitsToFloat(0x3F808001))).isEqualTo((short) 0x3F81);
    }

    @Test
    void largeTensorsAreReadInChunks() throws IOException {
        float[] data = new float[10_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = i * 0.5f;
        }
        Path file = dir.resolve("big.safetensors");
        SafetensorsWriter.write(file, Map.of("w", HostTensor.of(data, 100, 100)), DType.BF16);
        try (SafetensorsReader reader = SafetensorsReader.open(file, 1000)) {
            float[] read = reader.read("w").data();
            for (int i = 0; i < data.length; i++) {
                assertThat(read[i])
                        .isEqualTo(roundTo(HostTensor.of(new float[] {data[i]}, 1), DType.BF16)
                                .data()[0]);
            }
        }
    }

    @Test
    void errorsNameTheFileTheTensorAndTheExpectedShape() throws IOException {
        LlamaConfig config = TestModels.llamaGqa();
        Map<String, HostTensor> weights = TinyModels.randomTensors(config, 1);
        Map<String, HostTensor> missing = new LinkedHashMap<>(weights);
        missing.remove("model.layers.1.mlp.up_proj.weight");
        Path missingDir = write("missing", config, missing, DType.F32, 0);
        assertThatThrownBy(() -> LlamaModel.load(missingDir))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(missingDir.resolve("model.safetensors").toString())
                .hasMessageContaining("missing tensor model.layers.1.mlp.up_proj.weight")
                .hasMessageContaining("[96, 48]");

        Map<String, HostTensor> misShaped = new LinkedHashMap<>(weights);
        misShaped.put("model.layers.0.self_attn.k_proj.weight", HostTensor.of(new float[48 * 48], 48, 48));
        Path misShapedDir = write("misshaped", config, misShaped, DType.F32, 0);
        assertThatThrownBy(() -> LlamaModel.load(misShapedDir))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(misShapedDir.resolve("model.safetensors").toString())
                .hasMessageContaining("model.layers.0.self_attn.k_proj.weight has shape [48, 48], expected [24, 48]");

        Path truncatedDir = write("truncated", config, weights, DType.F32, 0);
        Path file = truncatedDir.resolve("model.safetensors");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> LlamaModel.load(truncatedDir))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("truncated");

        Files.write(file, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> LlamaModel.load(truncatedDir)).hasMessageContaining("truncated");
        Files.write(
                file,
                ByteBuffer.allocate(20)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putLong(12)
                        .put("{not json}!!".getBytes(StandardCharsets.US_ASCII))
                        .array());
        assertThatThrownBy(() -> LlamaModel.load(truncatedDir)).hasMessageContaining("broken safetensors header");
    }

    @Test
    void unsupportedArchitectureIsNamed() throws IOException {
        Path model = dir.resolve("gpt2");
        Files.createDirectories(model);
        Files.writeString(model.resolve("config.json"), "{\"architectures\":[\"GPT2LMHeadModel\"],\"n_embd\":8}");
        assertThatThrownBy(() -> LlamaModel.load(model))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("config.json")
                .hasMessageContaining("unsupported architecture [GPT2LMHeadModel]");
    }

    @Test
    void configRoundTripsThroughJson() throws IOException {
        for (LlamaConfig config :
                new LlamaConfig[] {TestModels.llamaGqa(), TestModels.qwen2Tied(), TestModels.llamaBiasedScaled()}) {
            Path d = dir.resolve(config.architecture().name() + config.hiddenSize());
            config.write(d);
            assertThat(LlamaConfig.read(d)).isEqualTo(config);
        }
        // Llama 3 style fields: eos list, rope_scaling without explicit head_dim
        Path d = dir.resolve("llama3");
        Files.createDirectories(d);
        Files.writeString(d.resolve("config.json"), """
                {"architectures":["LlamaForCausalLM"],"hidden_size":64,"intermediate_size":128,
                 "num_hidden_layers":1,"num_attention_heads":4,"num_key_value_heads":2,"vocab_size":300,
                 "rope_theta":500000.0,"rms_norm_eps":1e-05,"tie_word_embeddings":true,
                 "bos_token_id":128000,"eos_token_id":[128001,128008,128009],
                 "rope_scaling":{"factor":32.0,"high_freq_factor":4.0,"low_freq_factor":1.0,
                   "original_max_position_embeddings":8192,"rope_type":"llama3"}}""");
        LlamaConfig llama3 = LlamaConfig.read(d);
        assertThat(llama3.headDim()).isEqualTo(16);
        assertThat(llama3.eosTokenIds()).containsExactly(128001L, 128008L, 128009L);
        assertThat(llama3.ropeScaling()).isEqualTo(RopeScaling.llama3(32, 1, 4, 8192));
        assertThat(llama3.tieWordEmbeddings()).isTrue();
    }

    private Path write(String name, LlamaConfig config, Map<String, HostTensor> weights, DType dtype, long shardBytes)
            throws IOException {
        Path d = dir.resolve(name);
        config.write(d);
        if (shardBytes > 0) {
            SafetensorsWriter.writeSharded(d, weights, dtype, shardBytes);
        } else {
            SafetensorsWriter.write(d.resolve("model.safetensors"), weights, dtype);
        }
        return d;
    }

    private static float[] logits(Path modelDir, long[][] ids) {
        try (LlamaModel model = LlamaModel.load(modelDir, Device.cpu())) {
            float[][][] l = TestModels.logits(model, ids);
            return l[0][ids[0].length - 1];
        }
    }

    private static HostTensor roundTo(HostTensor t, DType dtype) {
        float[] out = new float[t.data().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = dtype == DType.BF16
                    ? Float.intBitsToFloat((DType.toBfloat16(t.data()[i]) & 0xffff) << 16)
                    : Float.float16ToFloat(Float.floatToFloat16(t.data()[i]));
        }
        return new HostTensor(t.shape(), out);
    }
}
