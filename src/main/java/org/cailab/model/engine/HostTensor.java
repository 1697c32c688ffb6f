package org.cailab.model.engine;

import java.util.Arrays;

/**
 * A float32 tensor in Java memory, row-major. Arrays are shared, not copied.
 *
 * @param shape the dimensions
 * @param data {@code product(shape)} values
 */
public record HostTensor(long[] shape, float[] data) {

    public HostTensor {
        if (numel(shape) != data.length) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " needs " + numel(shape) + " values, got " + data.length);
        }
    }

    /** A tensor of the given values and shape. */
    public static HostTensor of(float[] data, long... shape) {
        return new HostTensor(shape, data);
    }

    /** The number of elements a shape holds. */
    public static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    @Override
    public String toString() {
        return "HostTensor" + Arrays.toString(shape);
    }
}
