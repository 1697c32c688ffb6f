package org.cailab.model.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes {@code .safetensors} files that Hugging Face tools read: the header is padded with spaces to a multiple of
 * 8 bytes and carries {@code __metadata__: {"format": "pt"}}; shards come with {@code model.safetensors.index.json}.
 */
public final class SafetensorsWriter {

    private static final int BUFFER_BYTES = 1 << 20;

    private SafetensorsWriter() {}

    /** Writes tensors (in map order) to one file. */
    public static void write(Path file, Map<String, HostTensor> tensors, DType dtype) throws IOException {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        tensors.forEach((name, t) -> shapes.put(name, t.shape()));
        write(file, shapes, name -> tensors.get(name).data(), dtype);
    }

    /**
     * Writes tensors whose values are fetched one at a time, so a large model is never held twice in Java memory.
     *
     * @param shapes names and shapes, in file order
     * @param values the float32 values of a tensor by name
     */
    public static void write(Path file, Map<String, long[]> shapes, Function<String, float[]> values, DType dtype)
            throws IOException {
        ObjectNode header = Json.MAPPER.createObjectNode();
        header.putObject("__metadata__").put("format", "pt");
        long offset = 0;
        for (var e : shapes.entrySet()) {
            long bytes = HostTensor.numel(e.getValue()) * dtype.bytes();
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", dtype.name());
            var shape = t.putArray("shape");
            for (long d : e.getValue()) {
                shape.add(d);
            }
            t.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json = Json.MAPPER.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) {
            head.put((byte) ' ');
        }
        head.flip();
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel out = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(out, head);
            ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (var e : shapes.entrySet()) {
                float[] data = values.apply(e.getKey());
                if (data.length != HostTensor.numel(e.getValue())) {
                    throw new IllegalArgumentException("tensor " + e.getKey() + ": " + data.length
                            + " values for shape " + java.util.Arrays.toString(e.getValue()));
                }
                for (float v : data) {
                    if (buffer.remaining() < 4) {
                        buffer.flip();
                        writeFully(out, buffer);
                        buffer.clear();
                    }
                    dtype.encode(v, buffer);
                }
            }
            buffer.flip();
            writeFully(out, buffer);
        }
    }

    /**
     * Writes tensors into shards of at most {@code maxShardBytes} each (a tensor is never split), named as Hugging
     * Face names them ({@code model-00001-of-00002.safetensors}), plus {@code model.safetensors.index.json}.
     */
    public static void writeSharded(Path dir, Map<String, HostTensor> tensors, DType dtype, long maxShardBytes)
            throws IOException {
        List<Map<String, HostTensor>> shards = new ArrayList<>();
        Map<String, HostTensor> current = new LinkedHashMap<>();
        long currentBytes = 0;
        long total = 0;
        for (var e : tensors.entrySet()) {
            long bytes = e.getValue().data().length * (long) dtype.bytes();
            if (!current.isEmpty() && currentBytes + bytes > maxShardBytes) {
                shards.add(current);
                current = new LinkedHashMap<>();
                currentBytes = 0;
            }
            current.put(e.getKey(), e.getValue());
            currentBytes += bytes;
            total += bytes;
        }
        shards.add(current);
        ObjectNode index = Json.MAPPER.createObjectNode();
        index.putObject("metadata").put("total_size", total);
        ObjectNode weightMap = index.putObject("weight_map");
        for (int i = 0; i < shards.size(); i++) {
            String name = String.format("model-%05d-of-%05d.safetensors", i + 1, shards.size());
            write(dir.resolve(name), shards.get(i), dtype);
            shards.get(i).keySet().forEach(t -> weightMap.put(t, name));
        }
        Files.writeString(
                dir.resolve("model.safetensors.index.json"),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(index));
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }
}
