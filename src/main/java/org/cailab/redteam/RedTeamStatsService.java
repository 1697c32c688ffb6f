package org.cailab.redteam;

import org.cailab.model.ModelService;
import org.cailab.model.ModelSnapshot;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Red-team aggregates for researchers and the dashboards: per snapshot (live attempts) and per external model
 * (imported attempts), the number of rated attempts, the mean success rating with a 95% t interval, and the
 * distribution over 0..4. Listen to {@link AttemptRated} and {@link AttemptsImported} to know when to ask again.
 */
@Service
@Transactional(readOnly = true)
public class RedTeamStatsService {

    private final AttemptRepository attempts;
    private final ModelService models;

    RedTeamStatsService(AttemptRepository attempts, ModelService models) {
        this.attempts = attempts;
        this.models = models;
    }

    /**
     * One row per snapshot with rated live attempts (named as in the registry now, with its run and training step),
     * then one per external model of the imported attempts; each part ordered by label.
     */
    @PreAuthorize("hasRole('RESEARCHER')")
    public List<RatingStats> bySnapshot() {
        List<RatingStats> live = new ArrayList<>();
        for (AttemptRepository.StatsRow row : attempts.liveStats()) {
            long snapshotId = Objects.requireNonNull(row.snapshotId());
            Optional<ModelSnapshot> snapshot = models.snapshot(snapshotId);
            String label = snapshot.map(ModelSnapshot::name).orElse(Objects.requireNonNullElse(row.snapshotName(),
                    "#" + snapshotId));
            live.add(stats(AttemptSource.LIVE, snapshotId, label, null, null,
                    snapshot.map(ModelSnapshot::runId).orElse(null), snapshot.map(ModelSnapshot::step).orElse(null), row));
        }
        List<RatingStats> imported = new ArrayList<>();
        for (AttemptRepository.StatsRow row : attempts.importedStats()) {
            imported.add(stats(AttemptSource.IMPORTED, null, externalLabel(row.modelType(), row.numParams()),
                    row.modelType(), row.numParams(), null, null, row));
        }
        Comparator<RatingStats> byLabel = Comparator.comparing(RatingStats::label, String.CASE_INSENSITIVE_ORDER);
        live.sort(byLabel);
        imported.sort(byLabel);
        List<RatingStats> all = new ArrayList<>(live);
        all.addAll(imported);
        return List.copyOf(all);
    }

    /**
     * The snapshots that have a training step, ordered by run and step: how red-team success changes over training
     * (the paper's Figure 10 plots absolute harmfulness against RL training steps).
     */
    @PreAuthorize("hasRole('RESEARCHER')")
    public List<RatingStats> byTrainingStep() {
        return bySnapshot().stream()
                .filter(s -> s.step() != null)
                .sorted(Comparator.comparing((RatingStats s) -> s.runId() == null ? Long.MIN_VALUE : s.runId())
                        .thenComparing(RatingStats::step))
                .toList();
    }

    /**
     * Scores of red-team attempts by a harm predictor. <strong>No harm predictor exists yet</strong>: the pipeline
     * does not train one (snapshot kind HARM_PREDICTOR is reserved for it), so this always returns an empty list.
     * It is here so that dashboards can be written against the final signature; once a predictor is trained and
     * run over the attempts, its scores are returned here, never made up.
     *
     * @param predictorSnapshotId the harm predictor whose scores to return
     */
    @PreAuthorize("hasRole('RESEARCHER')")
    public List<HarmPredictorScore> harmPredictorScores(long predictorSnapshotId) {
        return List.of();
    }

    static String externalLabel(@Nullable String modelType, @Nullable String numParams) {
        String type = modelType == null || modelType.isBlank() ? "unknown model" : modelType;
        return type + (numParams == null || numParams.isBlank() ? "" : ", " + numParams) + " (imported)";
    }

    private static RatingStats stats(AttemptSource source, @Nullable Long snapshotId, String label,
                                     @Nullable String modelType, @Nullable String numParams, @Nullable Long runId,
                                     @Nullable Long step, AttemptRepository.StatsRow row) {
        double[] interval = row.sd() == null ? null : MeanInterval.of(row.n(), row.mean(), row.sd(), 0, 4);
        Double low = interval == null ? null : interval[0];
        Double high = interval == null ? null : interval[1];
        return new RatingStats(source, snapshotId, label, modelType, numParams, runId, step, row.n(), row.mean(), low,
                high, Arrays.stream(row.counts()).boxed().toList());
    }
}
