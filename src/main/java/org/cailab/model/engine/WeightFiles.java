package org.cailab.model.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** The safetensors weights of a model directory: {@code model.safetensors} or shards listed in an index. */
final class WeightFiles implements AutoCloseable {

    private static final String SINGLE = "model.safetensors";
    private static final String INDEX = "model.safetensors.index.json";

    private final Path description;
    private final Map<String, SafetensorsReader> byTensor;
    private final Map<String, SafetensorsReader> byFile;

    private WeightFiles(
            Path description, Map<String, SafetensorsReader> byTensor, Map<String, SafetensorsReader> byFile) {
        this.description = description;
        this.byTensor = byTensor;
        this.byFile = byFile;
    }

    static WeightFiles open(Path modelDir) {
        Path single = modelDir.resolve(SINGLE);
        Path index = modelDir.resolve(INDEX);
        Map<String, SafetensorsReader> byTensor = new LinkedHashMap<>();
        Map<String, SafetensorsReader> byFile = new LinkedHashMap<>();
        try {
            if (Files.isRegularFile(index)) {
                JsonNode weightMap = readIndex(index).path("weight_map");
                for (var e : weightMap.properties()) {
                    String fileName = e.getValue().asString();
                    SafetensorsReader reader = byFile.get(fileName);
                    if (reader == null) {
                        Path shard = modelDir.resolve(fileName);
                        if (!Files.isRegularFile(shard)) {
                            throw new ModelFormatException(index + ": shard " + fileName + " (holding tensor "
                                    + e.getKey() + ") does not exist");
                        }
                        reader = SafetensorsReader.open(shard);
                        byFile.put(fileName, reader);
                    }
                    byTensor.put(e.getKey(), reader);
                }
                return new WeightFiles(index, byTensor, byFile);
            }
            if (Files.isRegularFile(single)) {
                SafetensorsReader reader = SafetensorsReader.open(single);
                byFile.put(SINGLE, reader);
                reader.names().forEach(n -> byTensor.put(n, reader));
                return new WeightFiles(single, byTensor, byFile);
            }
        } catch (RuntimeException e) {
            byFile.values().forEach(SafetensorsReader::close);
            throw e;
        }
        throw new ModelFormatException(modelDir + ": no " + SINGLE + " or " + INDEX);
    }

    private static JsonNode readIndex(Path index) {
        try {
            return Json.MAPPER.readTree(Files.readString(index));
        } catch (IOException e) {
            throw new UncheckedIOException(index + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new ModelFormatException(index + ": broken JSON: " + e.getOriginalMessage(), e);
        }
    }

    boolean contains(String name) {
        return byTensor.containsKey(name);
    }

    /** Reads a tensor and checks its shape; errors name the file, the tensor and the expected shape. */
    HostTensor read(String name, long[] expectedShape) {
        SafetensorsReader reader = byTensor.get(name);
        if (reader == null) {
            throw new ModelFormatException(
                    description + ": missing tensor " + name + ", expected shape " + Arrays.toString(expectedShape));
        }
        long[] shape = reader.info(name).shape();
        if (!Arrays.equals(shape, expectedShape)) {
            throw new ModelFormatException(reader.file() + ": tensor " + name + " has shape " + Arrays.toString(shape)
                    + ", expected " + Arrays.toString(expectedShape));
        }
        return reader.read(name);
    }

    @Override
    public void close() {
        byFile.values().forEach(SafetensorsReader::close);
    }
}
