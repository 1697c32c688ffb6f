package org.cailab.rating;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/** Runs bootstrap rounds in parallel and turns them into percentile intervals. */
final class Bootstrap {

    private Bootstrap() {}

    /** Results of {@code round} for rounds 0..n-1, each fed its own seeded generator; row r is round r. */
    static double[][] replicate(BootstrapSettings settings, Function<RandomGenerator, double[]> round) {
        return IntStream.range(0, settings.rounds())
                .parallel()
                .mapToObj(r -> round.apply(generator(settings.seed(), r)))
                .toArray(double[][]::new);
    }

    /**
     * A generator for one round. SplittableRandom seeded with nearby values yields shifted copies of
     * one sequence, so the seed is scrambled first.
     */
    static RandomGenerator generator(long seed, int round) {
        return new SplittableRandom(mix(seed + 0x9E3779B97F4A7C15L * (round + 1L)));
    }

    /** {@code [0]} lower and {@code [1]} upper bounds per column of {@code samples}. */
    static double[][] percentileIntervals(double[][] samples, int columns, double level) {
        double[] lower = new double[columns];
        double[] upper = new double[columns];
        double tail = (1 - level) / 2;
        double[] column = new double[samples.length];
        for (int c = 0; c < columns; c++) {
            for (int r = 0; r < samples.length; r++) {
                column[r] = samples[r][c];
            }
            Arrays.sort(column);
            lower[c] = quantile(column, tail);
            upper[c] = quantile(column, 1 - tail);
        }
        return new double[][] {lower, upper};
    }

    /** Quantile of sorted values with linear interpolation (numpy's and pandas' default). */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
