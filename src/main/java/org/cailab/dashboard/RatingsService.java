package org.cailab.dashboard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cailab.comparison.ComparisonService;
import org.cailab.comparison.ComparisonTask;
import org.cailab.comparison.RatingVote;
import org.cailab.model.ModelService;
import org.cailab.model.ModelSnapshot;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Ratings of the snapshots per comparison task, computed separately for helpfulness and harmlessness from the votes
 * of that task's campaigns (flagged votes and excluded workers left out), with bootstrap intervals. Results are
 * cached per task and settings until a vote is recorded or a worker's exclusion changes; open dashboards hear of
 * such changes through {@link #subscribe}.
 */
@Service
public class RatingsService {

    /** More different settings than this are not worth keeping; the least recently used go first. */
    private static final int MAX_CACHED = 64;

    private final ComparisonService comparisons;
    private final ModelService models;
    private final RatingsChanges changes;
    private final double btPrior;
    private final Cache<RatingQuery, Leaderboard> cache =
            Caffeine.newBuilder().maximumSize(MAX_CACHED).build();
    private final Map<ComparisonTask, AtomicLong> generations = new EnumMap<>(ComparisonTask.class);

    RatingsService(
            ComparisonService comparisons,
            ModelService models,
            RatingsChanges changes,
            DashboardProperties properties) {
        this.comparisons = comparisons;
        this.models = models;
        this.changes = changes;
        this.btPrior = properties.btPrior();
        for (ComparisonTask task : ComparisonTask.values()) {
            generations.put(task, new AtomicLong());
        }
    }

    /**
     * The leaderboard of one task.
     *
     * @throws IllegalArgumentException when the anchor snapshot has no rated votes in this task
     */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    public Leaderboard leaderboard(RatingQuery query) {
        Leaderboard cached = cache.getIfPresent(query);
        if (cached != null) {
            return cached;
        }
        AtomicLong generation = generations.get(query.task());
        // one computation per task at a time: pages refreshing together after a vote share the result
        synchronized (generation) {
            cached = cache.getIfPresent(query);
            if (cached != null) {
                return cached;
            }
            long before = generation.get();
            List<RatingVote> votes = comparisons.votesForRatings(query.task());
            Map<Long, ModelSnapshot> snapshots = models.snapshots().stream()
                    .collect(Collectors.toMap(ModelSnapshot::id, Function.identity(), (a, b) -> a));
            Leaderboard computed =
                    LeaderboardCalculator.compute(query, votes, snapshots, btPrior, OffsetDateTime.now());
            if (generation.get() == before) {
                cache.put(query, computed);
            }
            return computed;
        }
    }

    /** The leaderboard of one task; {@code anchor} null for ratings centred on 1000. */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    public Leaderboard leaderboard(
            ComparisonTask task,
            RatingMethod method,
            @org.jspecify.annotations.Nullable String anchor,
            int bootstrapRounds) {
        return leaderboard(new RatingQuery(task, method, anchor, bootstrapRounds));
    }

    /**
     * Every snapshot rated in both tasks, placed by its helpfulness (x) and harmlessness (y) rating, with the
     * non-dominated ones marked (the paper's Figure 2). The query's task is ignored.
     */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    public Frontier frontier(RatingQuery query) {
        return Frontier.of(
                leaderboard(query.forTask(ComparisonTask.HELPFULNESS)),
                leaderboard(query.forTask(ComparisonTask.HARMLESSNESS)));
    }

    /**
     * Calls {@code listener} (on a background thread) with what changed: the tasks whose ratings changed after votes
     * were recorded or a worker's exclusion changed, and whether red-team results changed. Close the subscription
     * when the page goes away.
     */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    public RatingsSubscription subscribe(Consumer<DashboardChange> listener) {
        return changes.subscribe(listener);
    }

    /** Drops the cached ratings of these tasks and tells the subscribers. */
    void changed(Set<ComparisonTask> tasks) {
        for (ComparisonTask task : tasks) {
            generations.get(task).incrementAndGet();
            cache.asMap().keySet().removeIf(q -> q.task() == task);
        }
        changes.changed(tasks);
    }

    /** Tells the subscribers that red-team results changed (nothing of them is cached here). */
    void redTeamChanged() {
        changes.redTeamChanged();
    }
}
