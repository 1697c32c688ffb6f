package org.cailab.comparison;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Decides whether a worker's next conversation is a gold check: with probability {@code goldRate}, using an item
 * the worker has not answered yet (a repeated item would measure memory, not judgement).
 */
final class GoldMixer {

    private GoldMixer() {}

    static Optional<Long> pick(
            double goldRate, List<Long> goldItemIds, Set<Long> answeredByWorker, RandomGenerator random) {
        if (goldRate <= 0 || goldItemIds.isEmpty()) {
            return Optional.empty();
        }
        if (goldRate < 1 && random.nextDouble() >= goldRate) {
            return Optional.empty();
        }
        List<Long> fresh = goldItemIds.stream()
                .filter(id -> !answeredByWorker.contains(id))
                .toList();
        return fresh.isEmpty() ? Optional.empty() : Optional.of(fresh.get(random.nextInt(fresh.size())));
    }
}
