package org.cailab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cailab.constitution.ConstitutionChoice;
import org.cailab.constitution.ConstitutionService;
import org.cailab.constitution.ConstitutionVersionInfo;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunItem;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunSummary;
import org.cailab.security.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Starts whole-pipeline runs and constitution experiments and tells where their stages stand. A pipeline is an
 * ordinary run of type {@value #RUN_TYPE}: pause, resume and cancel it with {@link RunService}.
 */
@Service
@Transactional
public class PipelineService {

    public static final String RUN_TYPE = PipelineRunStage.TYPE;
    private static final String RESEARCHER = "hasRole('" + Role.RESEARCHER_ROLE + "')";

    private final RunService runs;
    private final StageRepository stages;
    private final ConstitutionService constitutions;
    private final PipelineRunStage stage;

    PipelineService(
            RunService runs, StageRepository stages, ConstitutionService constitutions, PipelineRunStage stage) {
        this.runs = runs;
        this.stages = stages;
        this.constitutions = constitutions;
        this.stage = stage;
    }

    /** Starts a pipeline run; the configuration's type must be {@value #RUN_TYPE}. */
    @PreAuthorize(RESEARCHER)
    public Run start(RunConfig config) {
        if (!RUN_TYPE.equals(config.type())) {
            throw new RunException("A pipeline run has the type " + RUN_TYPE + ", not " + config.type() + ".");
        }
        return runs.start(config);
    }

    /**
     * A constitution experiment: the same pipeline (same settings and seed) for two constitution versions, started
     * together or not at all. Each run's name starts with its constitution version, so its child runs and the RL-CAI
     * snapshots they register carry it, and its configuration records the experiment's name.
     */
    @PreAuthorize(RESEARCHER)
    public List<Run> compareConstitutions(String experiment, RunConfig config, long versionA, long versionB) {
        String name = experiment == null ? "" : experiment.strip();
        if (name.isEmpty() || name.length() > 80) {
            throw new RunException("Give the experiment a name of 1-80 characters.");
        }
        if (versionA == versionB) {
            throw new RunException("Choose two different constitution versions to compare.");
        }
        List<Run> started = new ArrayList<>();
        for (long versionId : List.of(versionA, versionB)) {
            ConstitutionVersionInfo version = constitutions.version(versionId).info();
            String label = version.constitutionName() + " v" + version.number();
            started.add(start(new RunConfig(
                            RUN_TYPE,
                            label + " · " + name,
                            config.promptSet(),
                            ConstitutionChoice.of(versionId),
                            config.modelSnapshots(),
                            config.sampling(),
                            config.seed(),
                            config.execution(),
                            config.parameters())
                    .withParameter(PipelineParameters.EXPERIMENT, name)));
        }
        return started;
    }

    /** Cancels a pipeline and the child runs of its stages that are still going, together. */
    @PreAuthorize(RESEARCHER)
    public Run cancel(RunId pipelineRunId) {
        pipeline(pipelineRunId).orElseThrow(() -> new RunException("There is no pipeline run " + pipelineRunId + "."));
        Run cancelled = runs.cancel(pipelineRunId);
        for (StageRecord r : stages.all(pipelineRunId.value())) {
            if (r.childRunId() != null
                    && runs.find(new RunId(r.childRunId()))
                            .map(c -> !c.run().state().isTerminal())
                            .orElse(false)) {
                runs.cancel(new RunId(r.childRunId()));
            }
        }
        return cancelled;
    }

    /** The pipeline runs, newest first. */
    @PreAuthorize(RESEARCHER)
    @Transactional(readOnly = true)
    public List<RunSummary> pipelines(int limit) {
        return runs.findRecent(1000).stream()
                .filter(s -> RUN_TYPE.equals(s.run().type()))
                .limit(Math.clamp(limit, 1, 1000))
                .toList();
    }

    @PreAuthorize(RESEARCHER)
    @Transactional(readOnly = true)
    public Optional<RunSummary> pipeline(RunId id) {
        return runs.find(id).filter(s -> RUN_TYPE.equals(s.run().type()));
    }

    /** Every planned stage of a pipeline in order, with its latest attempt. */
    @PreAuthorize(RESEARCHER)
    @Transactional(readOnly = true)
    public List<PipelineStageStatus> stages(RunId pipelineRunId) {
        pipeline(pipelineRunId).orElseThrow(() -> new RunException("There is no pipeline run " + pipelineRunId + "."));
        Map<String, List<StageRecord>> attempts =
                stages.all(pipelineRunId.value()).stream().collect(Collectors.groupingBy(StageRecord::stageKey));
        List<PipelineStageStatus> out = new ArrayList<>();
        for (RunItem item : runs.items(pipelineRunId, null, 0, 100)) {
            String key = item.key();
            List<StageRecord> tries = attempts.getOrDefault(key, List.of());
            StageRecord latest = tries.stream()
                    .max(java.util.Comparator.comparingInt(StageRecord::attempt))
                    .orElse(null);
            RunSummary child = latest == null || latest.childRunId() == null
                    ? null
                    : runs.find(new RunId(latest.childRunId())).orElse(null);
            String status = latest == null
                    ? "Waiting"
                    : latest.succeeded()
                            ? "Succeeded"
                            : latest.failed()
                                    ? "Failed"
                                    : child == null
                                            ? "Starting"
                                            : child.run().state().label();
            out.add(new PipelineStageStatus(
                    key,
                    label(key),
                    status,
                    tries.size(),
                    child,
                    latest == null ? null : latest.message(),
                    ids(latest, "snapshotIds"),
                    ids(latest, "campaignIds")));
        }
        return out;
    }

    /** The pipeline run that started a child run, if any. */
    @PreAuthorize(RESEARCHER)
    @Transactional(readOnly = true)
    public Optional<RunId> pipelineOf(RunId childRunId) {
        return stages.parentOf(childRunId.value()).map(RunId::new);
    }

    /** The optional stages other modules contribute, by key and label (the form offers a checkbox each). */
    @PreAuthorize(RESEARCHER)
    public Map<String, String> optionalStages() {
        return stage.extensions().stream()
                .collect(Collectors.toMap(
                        PipelineExtension::key, PipelineExtension::label, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private String label(String key) {
        return PipelineStep.byKey(key)
                .map(PipelineStep::label)
                .orElseGet(() -> stage.extensions().stream()
                        .filter(e -> e.key().equals(key))
                        .map(PipelineExtension::label)
                        .findFirst()
                        .orElse(key));
    }

    private static List<Long> ids(StageRecord record, String field) {
        if (record == null || record.result() == null || !record.result().has(field)) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode n : record.result().get(field)) {
            ids.add(n.asLong());
        }
        return ids;
    }
}
