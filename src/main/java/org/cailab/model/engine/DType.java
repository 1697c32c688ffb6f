package org.cailab.model.engine;

import java.nio.ByteBuffer;

/** The safetensors element types this engine reads and writes; all are widened to float32 in Java. */
public enum DType {
    F32(4),
    F16(2),
    BF16(2);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** Reads {@code count} elements from the buffer (little-endian) into {@code out} at {@code offset}. */
    void decode(ByteBuffer in, float[] out, int offset, int count) {
        switch (this) {
            case F32 -> in.asFloatBuffer().get(out, offset, count);
            case F16 -> {
                for (int i = 0; i < count; i++) {
                    out[offset + i] = Float.float16ToFloat(in.getShort(i * 2));
                }
            }
            case BF16 -> {
                for (int i = 0; i < count; i++) {
                    out[offset + i] = Float.intBitsToFloat((in.getShort(i * 2) & 0xffff) << 16);
                }
            }
        }
    }

    /** Writes one element at the buffer's position (little-endian). */
    void encode(float value, ByteBuffer out) {
        switch (this) {
            case F32 -> out.putFloat(value);
            case F16 -> out.putShort(Float.floatToFloat16(value));
            case BF16 -> out.putShort(toBfloat16(value));
        }
    }

    /** Rounds to nearest even, as PyTorch does; NaN stays a quiet NaN. */
    static short toBfloat16(float value) {
        int bits = Float.floatToRawIntBits(value);
        if (Float.isNaN(value)) {
            return (short) 0x7fc0;
        }
        int rounded = bits + 0x7fff + ((bits >>> 16) & 1);
        return (short) (rounded >>> 16);
    }
}
