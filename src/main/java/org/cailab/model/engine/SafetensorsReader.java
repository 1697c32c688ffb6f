package org.cailab.model.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@code .safetensors} file through memory maps with long offsets, so files over 2 GB work; a tensor is
 * mapped in chunks and widened to float32 in Java (DJL aborts on bf16). Thread-safe after {@link #open}.
 */
public final class SafetensorsReader implements AutoCloseable {

    /** One tensor's header entry; offsets are absolute positions in the file. */
    public record TensorInfo(String name, DType dtype, long[] shape, long begin, long end) {}

    static final long DEFAULT_CHUNK_BYTES = 1L << 30;

    private final Path file;
    private final FileChannel channel;
    private final Map<String, TensorInfo> tensors;
    private final Map<String, String> metadata;
    private final long chunkBytes;

    private SafetensorsReader(
            Path file,
            FileChannel channel,
            Map<String, TensorInfo> tensors,
            Map<String, String> metadata,
            long chunkBytes) {
        this.file = file;
        this.channel = channel;
        this.tensors = tensors;
        this.metadata = metadata;
        this.chunkBytes = chunkBytes;
    }

    /** Opens a file and checks its header against its size. */
    public static SafetensorsReader open(Path file) {
        return open(file, DEFAULT_CHUNK_BYTES);
    }

    static SafetensorsReader open(Path file, long chunkBytes) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            long size = channel.size();
            if (size < 8) {
                throw new ModelFormatException(file + ": truncated safetensors file (" + size + " bytes, no header)");
            }
            ByteBuffer len = channel.map(FileChannel.MapMode.READ_ONLY, 0, 8).order(ByteOrder.LITTLE_ENDIAN);
            long headerLength = len.getLong(0);
            if (headerLength <= 0 || headerLength > 100_000_000L || 8 + headerLength > size) {
                throw new ModelFormatException(file + ": truncated or broken safetensors header (header length "
                        + headerLength + ", file size " + size + ")");
            }
            byte[] header = new byte[(int) headerLength];
            channel.map(FileChannel.MapMode.READ_ONLY, 8, headerLength).get(header);
            long dataStart = 8 + headerLength;
            var reader = parse(file, channel, new String(header, StandardCharsets.UTF_8), dataStart, size, chunkBytes);
            channel = null;
            return reader;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        } finally {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
        }
    }

    private static SafetensorsReader parse(
            Path file, FileChannel channel, String header, long dataStart, long size, long chunkBytes) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(header);
        } catch (JacksonException e) {
            throw new ModelFormatException(file + ": broken safetensors header JSON: " + e.getOriginalMessage(), e);
        }
        Map<String, TensorInfo> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (var entry : root.properties()) {
            String name = entry.getKey();
            JsonNode node = entry.getValue();
            if (name.equals("__metadata__")) {
                node.properties()
                        .forEach(m -> metadata.put(m.getKey(), m.getValue().asString()));
                continue;
            }
            tensors.put(name, info(file, name, node, dataStart, size));
        }
        return new SafetensorsReader(file, channel, Collections.unmodifiableMap(tensors), metadata, chunkBytes);
    }

    private static TensorInfo info(Path file, String name, JsonNode node, long dataStart, long size) {
        String dtypeName = node.path("dtype").asString("");
        DType dtype;
        try {
            dtype = DType.valueOf(dtypeName);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(
                    file + ": tensor " + name + " has unsupported dtype '" + dtypeName + "' (F32, F16, BF16)");
        }
        JsonNode shapeNode = node.path("shape");
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong();
        }
        JsonNode offsets = node.path("data_offsets");
        if (offsets.size() != 2) {
            throw new ModelFormatException(file + ": tensor " + name + " has no data_offsets");
        }
        long begin = offsets.get(0).asLong();
        long end = offsets.get(1).asLong();
        long expected = HostTensor.numel(shape) * dtype.bytes();
        if (end - begin != expected || begin < 0) {
            throw new ModelFormatException(file + ": tensor " + name + " " + Arrays.toString(shape) + " " + dtype
                    + " needs " + expected + " bytes, data_offsets give " + (end - begin));
        }
        if (dataStart + end > size) {
            throw new ModelFormatException(file + ": truncated file: tensor " + name + " ends at byte "
                    + (dataStart + end) + " but the file has " + size + " bytes");
        }
        return new TensorInfo(name, dtype, shape, dataStart + begin, dataStart + end);
    }

    /** The file this reader maps. */
    public Path file() {
        return file;
    }

    /** Tensor names in header order. */
    public Set<String> names() {
        return tensors.keySet();
    }

    /** The {@code __metadata__} entries. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** A tensor's header entry; fails naming the file when it has no such tensor. */
    public TensorInfo info(String name) {
        TensorInfo info = tensors.get(name);
        if (info == null) {
            throw new ModelFormatException(file + ": missing tensor " + name);
        }
        return info;
    }

    /** Reads one tensor widened to float32. */
    public HostTensor read(String name) {
        TensorInfo info = info(name);
        long count = HostTensor.numel(info.shape());
        if (count > Integer.MAX_VALUE - 8) {
            throw new ModelFormatException(
                    file + ": tensor " + name + " has " + count + " elements, over a Java array");
        }
        float[] out = new float[(int) count];
        int elementBytes = info.dtype().bytes();
        long chunkElements = Math.max(1, chunkBytes / elementBytes);
        long done = 0;
        try {
            while (done < count) {
                long n = Math.min(chunkElements, count - done);
                ByteBuffer buffer = channel.map(
                                FileChannel.MapMode.READ_ONLY, info.begin() + done * elementBytes, n * elementBytes)
                        .order(ByteOrder.LITTLE_ENDIAN);
                info.dtype().decode(buffer, out, (int) done, (int) n);
                done += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": reading tensor " + name + ": " + e.getMessage(), e);
        }
        return new HostTensor(info.shape(), out);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
