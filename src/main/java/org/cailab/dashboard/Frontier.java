package org.cailab.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cailab.rating.ParetoFrontier;
import org.cailab.rating.ParetoPoint;

/**
 * Snapshots placed by helpfulness (x) and harmlessness (y) rating, as in the paper's Figure 2.
 *
 * @param points        every snapshot rated in both tasks, by name
 * @param frontier      the non-dominated points, by helpfulness ascending
 * @param runs          the points of each run in training-step order, runs by id
 * @param onlyOneTask   snapshots rated in only one of the tasks (they cannot be placed)
 */
public record Frontier(
        List<FrontierPoint> points,
        List<FrontierPoint> frontier,
        Map<Long, List<FrontierPoint>> runs,
        List<String> onlyOneTask) {

    public Frontier {
        points = List.copyOf(points);
        frontier = List.copyOf(frontier);
        runs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(runs));
        onlyOneTask = List.copyOf(onlyOneTask);
    }

    /** Joins the two tasks' leaderboards by snapshot name. */
    public static Frontier of(Leaderboard helpfulness, Leaderboard harmlessness) {
        List<ParetoPoint> placed = new ArrayList<>();
        Map<String, LeaderboardEntry[]> both = new LinkedHashMap<>();
        List<String> onlyOne = new ArrayList<>();
        for (LeaderboardEntry help : helpfulness.entries()) {
            harmlessness
                    .entry(help.snapshot())
                    .ifPresentOrElse(
                            harm -> {
                                both.put(help.snapshot(), new LeaderboardEntry[] {help, harm});
                                placed.add(new ParetoPoint(help.snapshot(), help.rating(), harm.rating()));
                            },
                            () -> onlyOne.add(help.snapshot()));
        }
        harmlessness.entries().stream()
                .map(LeaderboardEntry::snapshot)
                .filter(name -> helpfulness.entry(name).isEmpty())
                .forEach(onlyOne::add);
        Set<String> frontierNames = new HashSet<>();
        List<String> frontierOrder = new ArrayList<>();
        for (ParetoPoint p : ParetoFrontier.of(placed)) {
            frontierNames.add(p.name());
            frontierOrder.add(p.name());
        }
        Map<String, FrontierPoint> points = new LinkedHashMap<>();
        both.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            LeaderboardEntry help = e.getValue()[0];
            LeaderboardEntry harm = e.getValue()[1];
            Long runId = help.runId() != null ? help.runId() : harm.runId();
            Long step = help.step() != null ? help.step() : harm.step();
            points.put(
                    e.getKey(),
                    new FrontierPoint(e.getKey(), runId, step, help, harm, frontierNames.contains(e.getKey())));
        });
        Map<Long, List<FrontierPoint>> runs = new LinkedHashMap<>();
        points.values().stream()
                .filter(p -> p.runId() != null)
                .sorted(Comparator.comparing((FrontierPoint p) -> p.runId())
                        .thenComparing(p -> p.step() == null ? Long.MAX_VALUE : p.step())
                        .thenComparing(FrontierPoint::snapshot))
                .forEach(p ->
                        runs.computeIfAbsent(p.runId(), k -> new ArrayList<>()).add(p));
        return new Frontier(
                List.copyOf(points.values()),
                frontierOrder.stream().map(points::get).toList(),
                runs,
                onlyOne.stream().sorted().toList());
    }
}
