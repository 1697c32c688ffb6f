package org.cailab.dashboard.ui;

import java.util.EnumMap;
import java.util.Map;
import org.cailab.comparison.ComparisonTask;
import org.cailab.dashboard.Frontier;
import org.cailab.dashboard.Leaderboard;
import org.cailab.dashboard.RatingQuery;
import org.cailab.dashboard.RatingsService;

/**
 * What the panels share during one refresh of the page: the settings chosen at the top and the leaderboards computed
 * with them, each fetched at most once per refresh (the service caches across pages too).
 */
public final class DashboardData {

    private final RatingsService ratings;
    private final RatingQuery settings;
    private final Map<ComparisonTask, Leaderboard> boards = new EnumMap<>(ComparisonTask.class);

    DashboardData(RatingsService ratings, RatingQuery settings) {
        this.ratings = ratings;
        this.settings = settings;
    }

    /** Method, anchor and bootstrap rounds chosen on the page (its task is meaningless). */
    public RatingQuery settings() {
        return settings;
    }

    /** The leaderboard of a task with the page's settings. */
    public Leaderboard leaderboard(ComparisonTask task) {
        Leaderboard board = boards.get(task);
        if (board == null) {
            board = ratings.leaderboard(settings.forTask(task));
            boards.put(task, board);
        }
        return board;
    }

    /** Snapshots placed by both ratings. */
    public Frontier frontier() {
        return Frontier.of(leaderboard(ComparisonTask.HELPFULNESS), leaderboard(ComparisonTask.HARMLESSNESS));
    }
}
