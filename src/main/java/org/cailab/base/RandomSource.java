package org.cailab.base;

import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one source of randomness for the app's live draws (which models a worker compares, which side is A, which
 * snapshot a red-teamer talks with). Unseeded by default; with {@code cailab.random-seed} set, every draw comes from
 * one seeded sequence, so a study's assignments can be replayed (in the order the requests arrive). Pipeline runs
 * do not use it: they derive their randomness from the run's own seed.
 */
@Component
public class RandomSource {

    private final @Nullable SplittableRandom seeded;

    RandomSource(@Value("${cailab.random-seed:#{null}}") @Nullable Long seed) {
        this.seeded = seed == null ? null : new SplittableRandom(seed);
    }

    /** A generator for one draw (or a few draws in one request); not to be shared between threads. */
    public RandomGenerator next() {
        if (seeded == null) {
            return ThreadLocalRandom.current();
        }
        synchronized (seeded) {
            return seeded.split();
        }
    }
}
