package org.cailab.rating;

/**
 * Parameters of the bootstrap.
 *
 * @param rounds number of replicates; 0 skips the bootstrap (intervals collapse to the estimate)
 * @param level  two-sided confidence level of the percentile interval, e.g. 0.95
 * @param seed   master seed; round r uses a generator derived from (seed, r) alone, so results do
 *               not depend on thread scheduling
 */
public record BootstrapSettings(int rounds, double level, long seed) {

    public BootstrapSettings {
        if (rounds < 0 || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("bad bootstrap settings: rounds=" + rounds + " level=" + level);
        }
    }

    /** 100 rounds, 95% intervals, seed 42. */
    public static BootstrapSettings defaults() {
        return new BootstrapSettings(100, 0.95, 42);
    }

    /** No bootstrap. */
    public static BootstrapSettings none() {
        return new BootstrapSettings(0, 0.95, 42);
    }
}
