package org.cailab.slcai;

import java.nio.charset.StandardCharsets;

/**
 * Seeds derived from the run's seed: one per item (from its key, so it does not depend on which worker takes the
 * item or when), and from that one per purpose (principle draws, each sample). SplitMix64 finalisation keeps
 * neighbouring inputs far apart.
 */
final class Seeds {

    static final int PRINCIPLES = 0;
    static final int INITIAL_RESPONSE = 1;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {}

    /** The seed of one item of a run. */
    static long item(long runSeed, String itemKey) {
        long hash = 0xcbf29ce484222325L; // FNV-1a over the key's UTF-8 bytes
        for (byte b : itemKey.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return mix(runSeed * GOLDEN ^ hash);
    }

    /** The seed for one purpose within an item. */
    static long derive(long itemSeed, int purpose) {
        return mix(itemSeed + (purpose + 1L) * GOLDEN);
    }

    /** Seed of the critique ({@code revision = false}) or revision sample of round {@code round} (from 1). */
    static long round(long itemSeed, int round, boolean revision) {
        return derive(itemSeed, 2 * round + (revision ? 1 : 0));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
