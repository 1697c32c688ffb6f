package org.cailab.redteam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cailab.model.ModelService;
import org.cailab.model.ModelSnapshot;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunItem;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Red-team aggregates for researchers and the dashboards: per snapshot (live attempts) and per external model
 * (imported attempts), the number of rated attempts, the mean success rating with a 95% t interval, and the
 * distribution over 0..4. Listen to {@link AttemptRated} and {@link AttemptsImported} to know when to ask again.
 */
@Service
@Transactional(readOnly = true)
public class RedTeamStatsService {

    /** How many recent runs are searched for harm evaluations. */
    static final int RUNS_SCANNED = 1000;

    private static final int PAGE = 500;

    private final AttemptRepository attempts;
    private final ModelService models;
    /** Looked up when used: the run engine is created with the stages, one of which lives in this module. */
    private final ObjectProvider<RunService> runs;

    private final JsonMapper json;

    private final HarmEvalSummaryCache summaries = new HarmEvalSummaryCache();

    RedTeamStatsService(
            AttemptRepository attempts, ModelService models, ObjectProvider<RunService> runs, JsonMapper json) {
        this.attempts = attempts;
        this.models = models;
        this.runs = runs;
        this.json = json;
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
            String label = snapshot.map(ModelSnapshot::name)
                    .orElse(Objects.requireNonNullElse(row.snapshotName(), "#" + snapshotId));
            live.add(stats(
                    AttemptSource.LIVE,
                    snapshotId,
                    label,
                    null,
                    null,
                    snapshot.map(ModelSnapshot::runId).orElse(null),
                    snapshot.map(ModelSnapshot::step).orElse(null),
                    row));
        }
        List<RatingStats> imported = new ArrayList<>();
        for (AttemptRepository.StatsRow row : attempts.importedStats()) {
            imported.add(stats(
                    AttemptSource.IMPORTED,
                    null,
                    externalLabel(row.modelType(), row.numParams()),
                    row.modelType(),
                    row.numParams(),
                    null,
                    null,
                    row));
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
     * The mean predicted harm per evaluated snapshot from harm-eval runs (run type {@code harm-eval}) that used this
     * harm predictor: for each snapshot the newest such run that scored it, summarised from the run's stored
     * per-sample scores (mean over prompts, 95% percentile bootstrap over prompts; {@link HarmEvalSummary}; kept in
     * memory once the run has ended, by run and number of finished items, see {@link HarmEvalSummaryCache}). Ordered
     * by the snapshot's run and step, then name. Empty when no evaluation used the predictor.
     *
     * @param predictorSnapshotId the harm predictor whose scores to return
     */
    @PreAuthorize("hasRole('RESEARCHER')")
    public List<HarmPredictorScore> harmPredictorScores(long predictorSnapshotId) {
        Map<Long, HarmPredictorScore> bySnapshot = new LinkedHashMap<>();
        // newest first: the first run that scored a snapshot wins
        for (RunSummary summary : runs.getObject().findRecent(RUNS_SCANNED)) {
            Run run = summary.run();
            if (!run.type().equals(HarmEvalStage.TYPE)
                    || !run.config()
                            .parameter(HarmEvalStage.PREDICTOR_ID, "")
                            .equals(String.valueOf(predictorSnapshotId))) {
                continue;
            }
            for (HarmEvalSummary s : summaries.summaries(
                    run.id().value(),
                    run.state().isTerminal(),
                    summary.progress().finished(),
                    run.config().seed(),
                    () -> harmEvalItems(run.id()))) {
                if (bySnapshot.containsKey(s.snapshotId())) {
                    continue;
                }
                Optional<ModelSnapshot> snapshot = models.snapshot(s.snapshotId());
                bySnapshot.put(
                        s.snapshotId(),
                        new HarmPredictorScore(
                                predictorSnapshotId,
                                run.config().parameter(HarmEvalStage.PREDICTOR_NAME, "#" + predictorSnapshotId),
                                run.id().value(),
                                s.snapshotId(),
                                snapshot.map(ModelSnapshot::name).orElse(s.snapshotName()),
                                snapshot.map(ModelSnapshot::runId).orElse(null),
                                snapshot.map(ModelSnapshot::step).orElse(null),
                                s.prompts(),
                                s.samples(),
                                s.mean(),
                                s.ciLow(),
                                s.ciHigh(),
                                run.createdAt()));
            }
        }
        return bySnapshot.values().stream()
                .sorted(Comparator.comparing((HarmPredictorScore h) -> h.runId() == null ? Long.MAX_VALUE : h.runId())
                        .thenComparing(h -> h.step() == null ? Long.MAX_VALUE : h.step())
                        .thenComparing(HarmPredictorScore::label, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The harm predictors that harm-eval runs used, by name, the most recently used first. */
    @PreAuthorize("hasRole('RESEARCHER')")
    public List<HarmPredictorRef> harmPredictors() {
        Map<Long, HarmPredictorRef> out = new LinkedHashMap<>();
        for (RunSummary summary : runs.getObject().findRecent(RUNS_SCANNED)) {
            RunConfig config = summary.run().config();
            if (summary.run().type().equals(HarmEvalStage.TYPE)) {
                long id = Long.parseLong(config.parameter(HarmEvalStage.PREDICTOR_ID, "0"));
                String name = models.snapshot(id)
                        .map(ModelSnapshot::name)
                        .orElse(config.parameter(HarmEvalStage.PREDICTOR_NAME, "#" + id));
                out.putIfAbsent(id, new HarmPredictorRef(id, name));
            }
        }
        return List.copyOf(out.values());
    }

    /** Every scored prompt of a harm-eval run (its stored item outputs), in item order. */
    @PreAuthorize("hasRole('RESEARCHER')")
    public List<HarmEvalItem> harmEvalItems(RunId runId) {
        List<HarmEvalItem> out = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<RunItem> page = runs.getObject().outputs(runId, null, offset, PAGE);
            for (RunItem item : page) {
                if (item.output() != null) {
                    out.add(json.treeToValue(item.output(), HarmEvalItem.class));
                }
            }
            if (page.size() < PAGE) {
                return out;
            }
        }
    }

    static String externalLabel(@Nullable String modelType, @Nullable String numParams) {
        String type = modelType == null || modelType.isBlank() ? "unknown model" : modelType;
        return type + (numParams == null || numParams.isBlank() ? "" : ", " + numParams) + " (imported)";
    }

    private static RatingStats stats(
            AttemptSource source,
            @Nullable Long snapshotId,
            String label,
            @Nullable String modelType,
            @Nullable String numParams,
            @Nullable Long runId,
            @Nullable Long step,
            AttemptRepository.StatsRow row) {
        double[] interval = row.sd() == null ? null : MeanInterval.of(row.n(), row.mean(), row.sd(), 0, 4);
        Double low = interval == null ? null : interval[0];
        Double high = interval == null ? null : interval[1];
        return new RatingStats(
                source,
                snapshotId,
                label,
                modelType,
                numParams,
                runId,
                step,
                row.n(),
                row.mean(),
                low,
                high,
                Arrays.stream(row.counts()).boxed().toList());
    }
}
