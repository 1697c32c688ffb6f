package org.cailab.redteam;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.function.Supplier;

/**
 * The per-snapshot summaries of ended harm-eval runs, so that a dashboard refresh does not read every stored sample
 * (64 prompts x 256 samples x each snapshot in the paper's setting) and bootstrap again. Keyed by run and number of
 * finished items: an ended run's outputs no longer change, and a run that ends after more items gets a new key. A
 * run still going is summarised afresh each time (its items keep arriving).
 */
final class HarmEvalSummaryCache {

    /** Ended runs kept; a dashboard shows the newest run per snapshot, so a few hundred cover many predictors. */
    static final int SIZE = 256;

    private record Key(long runId, int finishedItems) {}

    private final Cache<Key, List<HarmEvalSummary>> cache =
            Caffeine.newBuilder().maximumSize(SIZE).build();

    /**
     * The summaries of a harm-eval run.
     *
     * @param ended         whether the run has ended (finished, failed or cancelled): only then is the result kept
     * @param finishedItems its finished items (the key with the run)
     * @param items         reads the run's stored items, called only when the summaries are computed
     */
    List<HarmEvalSummary> summaries(
            long runId, boolean ended, int finishedItems, long seed, Supplier<List<HarmEvalItem>> items) {
        if (!ended) {
            return HarmEvalSummary.of(items.get(), seed);
        }
        return cache.get(new Key(runId, finishedItems), k -> List.copyOf(HarmEvalSummary.of(items.get(), seed)));
    }
}
