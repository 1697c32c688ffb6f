package org.cailab.rating;

import java.util.random.RandomGenerator;

/**
 * A {@link RandomGenerator} as commons-math3 wants one, drawing from ours, so that library sampling follows the seed
 * the caller chose. Reseeding goes through the caller's generator, not through this view of it.
 */
final class MathRandom implements org.apache.commons.math3.random.RandomGenerator {

    private final RandomGenerator source;

    MathRandom(RandomGenerator source) {
        this.source = source;
    }

    @Override
    public void setSeed(int seed) {
        throw new UnsupportedOperationException("seed the wrapped generator instead");
    }

    @Override
    public void setSeed(int[] seed) {
        throw new UnsupportedOperationException("seed the wrapped generator instead");
    }

    @Override
    public void setSeed(long seed) {
        throw new UnsupportedOperationException("seed the wrapped generator instead");
    }

    @Override
    public void nextBytes(byte[] bytes) {
        source.nextBytes(bytes);
    }

    @Override
    public int nextInt() {
        return source.nextInt();
    }

    @Override
    public int nextInt(int n) {
        return source.nextInt(n);
    }

    @Override
    public long nextLong() {
        return source.nextLong();
    }

    @Override
    public boolean nextBoolean() {
        return source.nextBoolean();
    }

    @Override
    public float nextFloat() {
        return source.nextFloat();
    }

    @Override
    public double nextDouble() {
        return source.nextDouble();
    }

    @Override
    public double nextGaussian() {
        return source.nextGaussian();
    }
}
