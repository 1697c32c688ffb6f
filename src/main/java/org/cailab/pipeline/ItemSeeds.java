package org.cailab.pipeline;

import java.nio.charset.StandardCharsets;

/**
 * Seeds derived from a run's seed: one per item (from its key, so it does not depend on which worker takes the item
 * or when), and from that one per purpose. SplitMix64 finalisation keeps neighbouring inputs far apart. The same
 * derivation as SL-CAI's, for every stage that samples.
 */
public final class ItemSeeds {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private ItemSeeds() {}

    /** The seed of one item of a run. */
    public static long item(long runSeed, String itemKey) {
        long hash = 0xcbf29ce484222325L; // FNV-1a over the key's UTF-8 bytes
        for (byte b : itemKey.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return mix(runSeed * GOLDEN ^ hash);
    }

    /** The seed for one purpose (0, 1, 2...) within an item. */
    public static long derive(long itemSeed, int purpose) {
        return mix(itemSeed + (purpose + 1L) * GOLDEN);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
