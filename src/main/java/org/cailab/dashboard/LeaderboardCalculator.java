package org.cailab.dashboard;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cailab.comparison.RatingVote;
import org.cailab.model.ModelSnapshot;
import org.cailab.rating.Anchor;
import org.cailab.rating.Battle;
import org.cailab.rating.BattleLog;
import org.cailab.rating.BattleTally;
import org.cailab.rating.BootstrapSettings;
import org.cailab.rating.BradleyTerrySettings;
import org.cailab.rating.EloSettings;
import org.cailab.rating.ModelRating;
import org.cailab.rating.Outcome;
import org.cailab.rating.RatingReport;
import org.cailab.rating.Ratings;

/** Turns the votes of one task into a leaderboard with the rating math of {@code org.cailab.rating}. */
final class LeaderboardCalculator {

    /** Fixed, so that the same votes always give the same intervals. */
    static final long BOOTSTRAP_SEED = 42;

    private LeaderboardCalculator() {}

    /**
     * @param votes     the task's rated votes in the order they were cast (Elo depends on it)
     * @param snapshots registered snapshots by id, for training step and run
     * @param btPrior   L2 prior on Bradley-Terry log-odds strengths, so that a snapshot that never lost still gets a
     *                  finite rating when there are few votes
     */
    static Leaderboard compute(
            RatingQuery query,
            List<RatingVote> votes,
            Map<Long, ModelSnapshot> snapshots,
            double btPrior,
            OffsetDateTime now) {
        if (votes.isEmpty()) {
            if (query.anchor() != null) {
                throw new IllegalArgumentException(noAnchor(query));
            }
            return Leaderboard.empty(query, now);
        }
        Map<String, Long> ids = new HashMap<>();
        for (RatingVote v : votes) {
            ids.put(v.snapshotAName(), v.snapshotAId());
            ids.put(v.snapshotBName(), v.snapshotBId());
        }
        if (query.anchor() != null && !ids.containsKey(query.anchor())) {
            throw new IllegalArgumentException(noAnchor(query));
        }
        BootstrapSettings bootstrap = new BootstrapSettings(query.bootstrapRounds(), 0.95, BOOTSTRAP_SEED);
        RatingReport report = switch (query.method()) {
            case BT -> {
                BattleTally tally = new BattleTally();
                votes.forEach(v -> tally.accept(battle(v)));
                Anchor anchor = query.anchor() == null ? Anchor.arena() : Anchor.toModel(query.anchor());
                yield Ratings.bradleyTerry(
                        tally.toCounts(), BradleyTerrySettings.defaults().withPrior(btPrior), bootstrap, anchor);
            }
            case ELO -> {
                BattleLog log = new BattleLog();
                votes.forEach(v -> log.accept(battle(v)));
                EloSettings elo = EloSettings.arena();
                Anchor anchor =
                        query.anchor() == null ? new Anchor.MeanCentred(elo.initial()) : Anchor.toModel(query.anchor());
                yield Ratings.elo(log, elo, bootstrap, anchor);
            }
        };
        List<LeaderboardEntry> entries = report.ratings().stream()
                .map(r -> entry(r, ids.get(r.model()), snapshots))
                .toList();
        return new Leaderboard(
                query.task(),
                query.method(),
                report.anchor(),
                report.bootstrapRounds(),
                report.level(),
                report.battles(),
                report.converged(),
                entries,
                now);
    }

    private static LeaderboardEntry entry(ModelRating r, Long id, Map<Long, ModelSnapshot> snapshots) {
        ModelSnapshot snapshot = snapshots.get(id);
        return new LeaderboardEntry(
                r.model(),
                snapshot == null ? null : id,
                r.rating(),
                r.lower(),
                r.upper(),
                r.votes(),
                r.rank(),
                snapshot == null ? null : snapshot.step(),
                snapshot == null ? null : snapshot.runId());
    }

    private static Battle battle(RatingVote v) {
        return new Battle(
                v.snapshotAName(),
                v.snapshotBName(),
                Outcome.valueOf(v.outcome().name()));
    }

    private static String noAnchor(RatingQuery query) {
        return "the anchor snapshot " + query.anchor() + " has no rated "
                + query.task().label().toLowerCase() + " votes";
    }
}
