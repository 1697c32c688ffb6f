package org.cailab.model.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which examples each optimizer step trains on: epoch {@code e} visits the examples in a permutation drawn from
 * {@code (seed, e)}, cut into batches of {@code batchSize} (an epoch's last batch may be smaller). The batch of a step
 * depends only on the seed, the example count and the step, so a run resumed at step {@code s} sees exactly the
 * batches an uninterrupted run would have seen from {@code s} on.
 *
 * @param examples how many examples there are
 * @param batchSize examples per optimizer step
 * @param epochs passes over the examples
 * @param seed the shuffling seed
 */
public record DataOrder(int examples, int batchSize, int epochs, long seed) {

    public DataOrder {
        if (examples < 1 || batchSize < 1 || epochs < 1) {
            throw new IllegalArgumentException("need at least one example, a batch size and an epoch; got " + examples
                    + " examples, batch size " + batchSize + ", " + epochs + " epochs");
        }
    }

    /** Optimizer steps per epoch. */
    public int stepsPerEpoch() {
        return (examples + batchSize - 1) / batchSize;
    }

    /** Optimizer steps of the whole run. */
    public int totalSteps() {
        return stepsPerEpoch() * epochs;
    }

    /** The indices of the examples of a 0-based step. */
    public int[] batch(int step) {
        if (step < 0 || step >= totalSteps()) {
            throw new IndexOutOfBoundsException("step " + step + " of " + totalSteps());
        }
        int[] order = permutation(step / stepsPerEpoch());
        int start = (step % stepsPerEpoch()) * batchSize;
        return java.util.Arrays.copyOfRange(order, start, Math.min(examples, start + batchSize));
    }

    /** The examples of a 0-based step. */
    public <T> List<T> batch(List<T> all, int step) {
        if (all.size() != examples) {
            throw new IllegalArgumentException(all.size() + " examples, the order was made for " + examples);
        }
        List<T> batch = new ArrayList<>();
        for (int i : batch(step)) {
            batch.add(all.get(i));
        }
        return batch;
    }

    private int[] permutation(int epoch) {
        int[] order = new int[examples];
        for (int i = 0; i < examples; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        for (int i = examples - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /**
     * Splits items into training and held-out parts: a seeded shuffle, then the first {@code heldOutFraction} (at
     * least one item when the fraction is above 0 and there are two or more items) is held out.
     */
    public static <T> Split<T> split(List<T> items, double heldOutFraction, long seed) {
        if (!(heldOutFraction >= 0 && heldOutFraction < 1)) {
            throw new IllegalArgumentException("held-out fraction must be in [0, 1), got " + heldOutFraction);
        }
        int[] order = new DataOrder(Math.max(1, items.size()), 1, 1, seed ^ 0x5EED5EEDL).permutation(0);
        int heldOut = heldOutFraction == 0 || items.size() < 2
                ? 0
                : Math.max(1, (int) Math.round(items.size() * heldOutFraction));
        List<T> train = new ArrayList<>();
        List<T> held = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            (k < heldOut ? held : train).add(items.get(order[k]));
        }
        return new Split<>(train, held);
    }

    /** Training and held-out items. */
    public record Split<T>(List<T> train, List<T> heldOut) {}
}
