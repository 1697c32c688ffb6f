package org.cailab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cailab.comparison.CampaignService;
import org.cailab.comparison.CampaignSettings;
import org.cailab.comparison.ComparisonTask;
import org.cailab.crowdwork.PoolSnapshot;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunContext;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunLogLevel;
import org.cailab.pipeline.RunService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The transactions of a pipeline stage: a stage attempt's row and its child run (or campaigns) are created together,
 * so that a pipeline item redone after a crash finds what the cut-off attempt started and never starts it twice.
 */
@Component
class StageChildren {

    private final StageRepository stages;
    private final RunService runs;
    private final CampaignService campaigns;
    private final ModelRegistry registry;
    private final JsonMapper json;

    StageChildren(
            StageRepository stages,
            RunService runs,
            CampaignService campaigns,
            ModelRegistry registry,
            JsonMapper json) {
        this.stages = stages;
        this.runs = runs;
        this.campaigns = campaigns;
        this.registry = registry;
        this.json = json;
    }

    /**
     * Starts attempt {@code attempt} of a stage as a child run, unless that attempt exists already; returns the
     * attempt as stored. A configuration the child's stage refuses throws, and nothing is kept.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public StageRecord startChild(
            RunContext context, long pipelineRunId, String stageKey, int attempt, RunConfig child) {
        if (stages.insert(pipelineRunId, stageKey, attempt)) {
            long childId = runs.start(child).id().value();
            stages.setChild(pipelineRunId, stageKey, attempt, childId);
            context.log(
                    RunLogLevel.INFO,
                    "Stage " + stageKey + (attempt > 1 ? " (attempt " + attempt + ")" : "") + " started as run "
                            + childId + ".");
        }
        return stages.latest(pipelineRunId, stageKey).orElseThrow();
    }

    /** Creates the helpfulness and harmlessness campaigns over {@code pool} once, with the attempt that records them. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public StageRecord createCampaigns(
            RunContext context, long pipelineRunId, String stageKey, int attempt, String name, List<Long> pool) {
        if (stages.insert(pipelineRunId, stageKey, attempt)) {
            List<PoolSnapshot> members = new ArrayList<>();
            for (long id : pool.stream().distinct().toList()) {
                ModelSnapshot snapshot = registry.find(id)
                        .orElseThrow(() ->
                                new IllegalStateException("Snapshot " + id + " of the pipeline no longer exists."));
                members.add(new PoolSnapshot(snapshot.id(), snapshot.name(), 1.0));
            }
            ObjectNode result = json.createObjectNode();
            var ids = result.putArray("campaignIds");
            for (ComparisonTask task : List.of(ComparisonTask.HELPFULNESS, ComparisonTask.HARMLESSNESS)) {
                String campaignName = shorten(name, 170) + " · " + task.name().toLowerCase(java.util.Locale.ROOT);
                ids.add(campaigns
                        .create(CampaignSettings.defaults(campaignName, task, members))
                        .id());
            }
            result.set("pool", json.valueToTree(pool));
            stages.finish(pipelineRunId, stageKey, attempt, StageRecord.SUCCEEDED, result, null);
            context.log(
                    RunLogLevel.INFO,
                    "Created comparison campaigns " + ids + " over " + members.size()
                            + " snapshots (closed: open them on Comparison campaigns).");
        }
        return stages.latest(pipelineRunId, stageKey).orElseThrow();
    }

    @Transactional
    public void succeed(StageRecord attempt, JsonNode result) {
        stages.finish(
                attempt.pipelineRunId(), attempt.stageKey(), attempt.attempt(), StageRecord.SUCCEEDED, result, null);
    }

    /**
     * Records that the stage failed and pauses the pipeline, in one transaction: on resume the stage starts again as
     * a new attempt, and the stages that succeeded stay as they are.
     */
    @Transactional
    public void fail(RunContext context, long pipelineRunId, String stageKey, int attempt, String message) {
        stages.insert(pipelineRunId, stageKey, attempt);
        stages.finish(pipelineRunId, stageKey, attempt, StageRecord.FAILED, null, message);
        context.log(
                RunLogLevel.ERROR,
                "Stage " + stageKey + " failed: " + message
                        + " Fix the cause, then resume the pipeline: the stage starts again as a new run, finished stages"
                        + " are kept.");
        runs.pause(new RunId(pipelineRunId));
    }

    @Transactional(readOnly = true)
    public Optional<StageRecord> latest(long pipelineRunId, String stageKey) {
        return stages.latest(pipelineRunId, stageKey);
    }

    @Transactional(readOnly = true)
    public List<StageRecord> all(long pipelineRunId) {
        return stages.all(pipelineRunId);
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
