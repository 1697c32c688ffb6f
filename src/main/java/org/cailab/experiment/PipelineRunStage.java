package org.cailab.experiment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cailab.constitution.ConstitutionChoice;
import org.cailab.constitution.ConstitutionService;
import org.cailab.constitution.ConstitutionVersionInfo;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.SnapshotKind;
import org.cailab.pipeline.ItemInput;
import org.cailab.pipeline.ItemResult;
import org.cailab.pipeline.RouteTarget;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunContext;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunInput;
import org.cailab.pipeline.RunLink;
import org.cailab.pipeline.RunLogLevel;
import org.cailab.pipeline.RunParameter;
import org.cailab.pipeline.RunPlan;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunStage;
import org.cailab.pipeline.RunState;
import org.cailab.pipeline.RunSummary;
import org.cailab.pipeline.RunTypeInfo;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Run type {@code pipeline}: the whole method as one run. One item per stage, processed in order by one worker;
 * processing a stage's item starts its child run (recorded in {@code pipeline_stage} in the same transaction) and
 * waits until the child ends, reading its state from the database. A child that fails pauses the pipeline; resuming
 * the pipeline starts that stage again as a new child run and keeps the stages that succeeded. An item redone after
 * a crash finds the child its cut-off attempt started and waits for it instead of starting another.
 */
@Component
class PipelineRunStage implements RunStage {

    static final String TYPE = "pipeline";

    private final RunService runs;
    private final StageChildren children;
    private final ModelRegistry registry;
    private final ConstitutionService constitutions;
    private final List<PipelineExtension> extensions;
    private final Duration poll;

    PipelineRunStage(
            @Lazy RunService runs,
            @Lazy StageChildren children,
            ModelRegistry registry,
            ConstitutionService constitutions,
            List<PipelineExtension> extensions,
            @Value("${cailab.pipeline.stage-poll:PT1S}") Duration poll) {
        this.runs = runs;
        this.children = children;
        this.registry = registry;
        this.constitutions = constitutions;
        this.extensions = List.copyOf(extensions);
        this.poll = poll;
        for (PipelineExtension e : extensions) {
            if (PipelineStep.byKey(e.key()).isPresent() || !e.key().matches("[a-z0-9][a-z0-9-]{0,63}")) {
                throw new IllegalStateException("Pipeline extension key '" + e.key() + "' is taken or malformed");
            }
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String label() {
        return "Whole pipeline (SL-CAI to RL-CAI)";
    }

    @Override
    public String description() {
        return "Chains SL-CAI sampling, SL finetuning, response pairs, AI feedback labels, the preference model and "
                + "RL-CAI as child runs, then optionally comparison campaigns over the base, SL-CAI and RL-CAI models.";
    }

    @Override
    public List<RunInput> inputs() {
        return List.of(
                RunInput.PROMPT_SET,
                RunInput.CONSTITUTION_VERSION,
                RunInput.snapshot("Base model"),
                RunInput.snapshot("Feedback model (AI labels, preference-model base)"));
    }

    @Override
    public List<RunParameter> parameters() {
        return PipelineParameters.FORM;
    }

    @Override
    public RunConfig.Execution defaultExecution() {
        // stages depend on each other: one worker; a pause or failure uses an attempt, so allow many; no delay
        return new RunConfig.Execution(1, 20, 0);
    }

    @Override
    public String itemsLabel() {
        return "stages";
    }

    @Override
    public List<RunLink> links(Run run) {
        return List.of(new RunLink(
                "Pipeline stages",
                new RouteTarget.Page(
                        "pipelines/:pipelineId", Map.of("pipelineId", String.valueOf(run.id())), Map.of())));
    }

    /** Optional stages this app offers. */
    List<PipelineExtension> extensions() {
        return extensions;
    }

    @Override
    public RunPlan plan(RunConfig config) {
        if (config.constitution() == null) {
            throw new RunException("A pipeline needs a constitution version.");
        }
        if (!(config.constitution() instanceof ConstitutionChoice.Version chosen)) {
            throw new RunException(
                    "Choose the constitution version from the list (was \"" + config.constitution() + "\").");
        }
        long versionId = chosen.id();
        ConstitutionVersionInfo version = constitutions.version(versionId).info();
        if (config.modelSnapshots().isEmpty() || config.modelSnapshots().size() > 2) {
            throw new RunException("A pipeline needs a base model and optionally a feedback model.");
        }
        List<String> models = new ArrayList<>();
        for (String ref : config.modelSnapshots()) {
            models.add(String.valueOf(snapshot(ref).id()));
        }
        if (models.size() == 1) {
            models.add(models.getFirst());
        }
        for (String key : List.of(
                PipelineParameters.ROUNDS,
                PipelineParameters.SL_EPOCHS,
                PipelineParameters.PM_EPOCHS,
                PipelineParameters.RL_STEPS,
                PipelineParameters.PROMPTS_PER_STEP,
                PipelineParameters.SNAPSHOT_EVERY)) {
            PipelineParameters.integer(config, key);
        }
        PipelineParameters.decimal(config, PipelineParameters.HARMLESS_SHARE);
        PipelineParameters.decimal(config, PipelineParameters.RL_HELPFUL_RATIO);
        boolean campaigns = PipelineParameters.flag(config, PipelineParameters.CAMPAIGNS);
        PipelineParameters.flag(config, PipelineParameters.INCLUDE_TRUNCATED);
        PipelineParameters.ids(config, PipelineParameters.HELPFUL_PAIRS, "Human helpfulness pair imports");
        List<String> keys = new ArrayList<>();
        for (PipelineStep step : PipelineStep.values()) {
            if (step != PipelineStep.CAMPAIGNS) {
                keys.add(step.key());
            }
        }
        List<String> extras = PipelineParameters.extraStages(config);
        for (PipelineExtension e : extensions) {
            // in the order the app declares them (harm training before harm evaluation), whatever the list's order
            if (extras.contains(e.key())) {
                e.check(config);
                keys.add(e.key());
            }
        }
        for (String extra : extras) {
            if (extension(extra).isEmpty()) {
                throw new RunException("There is no optional pipeline stage '" + extra + "' in this app.");
            }
        }
        if (campaigns) {
            keys.add(PipelineStep.CAMPAIGNS.key());
        }
        // stages must run in order: one worker and no retry delay (a delayed item would let the next one be claimed
        // first); every pause or stop while a stage runs costs an attempt, hence the most attempts allowed
        RunConfig recorded = config.withModelSnapshots(models)
                .withExecution(defaultExecution())
                .withConstitution(ConstitutionChoice.of(versionId))
                .withParameter(
                        PipelineParameters.CONSTITUTION_LABEL, version.constitutionName() + " v" + version.number());
        List<ItemInput> items =
                keys.stream().map(k -> ItemInput.of(k, Map.of("stage", k))).toList();
        return new RunPlan(recorded, items);
    }

    @Override
    public ItemResult process(RunContext context, ItemInput item) throws Exception {
        String key = item.key();
        long pipelineId = context.runId();
        Optional<StageRecord> latest = children.latest(pipelineId, key);
        if (latest.isPresent() && latest.get().succeeded()) {
            return new ItemResult(latest.get().result());
        }
        List<String> pending = earlierStagesNotSucceeded(pipelineId, key);
        if (!pending.isEmpty()) {
            // not reachable with one worker and no retry delay (the plan forces both); never skip a stage
            throw new RunException("Stage " + key + " waits for " + String.join(", ", pending) + ".");
        }
        int attempt =
                latest.map(r -> r.failed() ? r.attempt() + 1 : r.attempt()).orElse(1);
        StageRecord current;
        if (latest.isPresent() && !latest.get().failed()) {
            current = latest.get();
        } else {
            try {
                current = start(context, key, attempt);
            } catch (RuntimeException e) {
                throw stageFailed(context, key, attempt, "it could not start: " + e.getMessage());
            }
        }
        if (current.succeeded()) {
            return new ItemResult(current.result());
        }
        return new ItemResult(await(context, current));
    }

    private List<String> earlierStagesNotSucceeded(long pipelineId, String key) {
        java.util.Set<String> succeeded = new java.util.HashSet<>();
        for (StageRecord r : children.all(pipelineId)) {
            if (r.succeeded()) {
                succeeded.add(r.stageKey());
            }
        }
        List<String> pending = new ArrayList<>();
        for (var item : runs.items(new RunId(pipelineId), null, 0, 100)) {
            if (item.key().equals(key)) {
                break;
            }
            if (!succeeded.contains(item.key())) {
                pending.add(item.key());
            }
        }
        return pending;
    }

    private StageRecord start(RunContext context, String key, int attempt) {
        RunConfig pipeline = context.config();
        PipelineOutputs outputs = outputs(context.runId(), pipeline);
        Optional<PipelineStep> step = PipelineStep.byKey(key);
        if (step.isPresent() && step.get() == PipelineStep.CAMPAIGNS) {
            List<Long> pool = new ArrayList<>();
            pool.add(outputs.baseSnapshotId());
            pool.add(required(outputs.slCaiSnapshotId(), "SL-CAI model"));
            pool.addAll(outputs.rlCaiSnapshotIds());
            return children.createCampaigns(context, context.runId(), key, attempt, pipeline.name(), pool);
        }
        RunConfig child;
        if (step.isPresent()) {
            child = ChildConfigs.of(step.get(), pipeline, outputs, types());
        } else {
            child = extension(key)
                    .orElseThrow(() -> new RunException("There is no optional stage '" + key + "'."))
                    .childConfig(pipeline, outputs);
            // an extension's child runs with its run type's own execution settings, as the built-in stages do
            child = child.withExecution(types().getOrDefault(child.type(), child.execution()));
        }
        child = ChildConfigs.withOverrides(child, key, pipeline);
        return children.startChild(context, context.runId(), key, attempt, child);
    }

    /** Waits for the attempt's child run to end; returns the stage's result or fails the stage. */
    private JsonNode await(RunContext context, StageRecord attempt) throws Exception {
        long childId = required(attempt.childRunId(), "child run");
        while (true) {
            if (context.stopRequested()) {
                throw new RunException("The pipeline was paused or is stopping; stage " + attempt.stageKey() + " (run "
                        + childId + ") is followed again when it goes on.");
            }
            Optional<RunSummary> found = runs.find(new RunId(childId));
            if (found.isEmpty()) {
                throw stageFailed(
                        context, attempt.stageKey(), attempt.attempt(), "its run " + childId + " no longer exists.");
            }
            RunSummary child = found.get();
            RunState state = child.run().state();
            if (state == RunState.FINISHED && child.progress().failed() == 0) {
                JsonNode result = result(attempt.stageKey(), childId);
                children.succeed(attempt, result);
                context.log(RunLogLevel.INFO, "Stage " + attempt.stageKey() + " succeeded (run " + childId + ").");
                return result;
            }
            if (state == RunState.FINISHED) {
                throw stageFailed(
                        context,
                        attempt.stageKey(),
                        attempt.attempt(),
                        "run " + childId + " finished with " + child.progress().failed() + " failed item(s).");
            }
            if (state.isTerminal()) {
                throw stageFailed(
                        context,
                        attempt.stageKey(),
                        attempt.attempt(),
                        "run " + childId + " is " + state.label().toLowerCase(java.util.Locale.ROOT) + ".");
            }
            Thread.sleep(poll);
        }
    }

    private RunException stageFailed(RunContext context, String key, int attempt, String message) {
        children.fail(context, context.runId(), key, attempt, message);
        return new RunException("Stage " + key + " failed: " + message);
    }

    /** What a succeeded child produced: its run id, and the snapshots it registered. */
    private JsonNode result(String key, long childId) {
        ObjectNode result = JsonNodeFactory.instance.objectNode().put("childRunId", childId);
        List<ModelSnapshot> produced = registry.list().stream()
                .filter(s -> s.runId() != null && s.runId() == childId)
                .sorted(Comparator.comparing((ModelSnapshot s) -> s.step() == null ? 0 : s.step())
                        .thenComparing(ModelSnapshot::id))
                .toList();
        SnapshotKind wanted = switch (key) {
            case "sl-finetune" -> SnapshotKind.SL_CAI;
            case "pm-train" -> SnapshotKind.PREFERENCE_MODEL;
            case "rl-cai" -> SnapshotKind.RL_CAI;
            default -> extension(key).map(PipelineExtension::produces).orElse(null);
        };
        var ids = result.putArray("snapshotIds");
        produced.stream().filter(s -> wanted == null || s.kind() == wanted).forEach(s -> ids.add(s.id()));
        if (wanted != null && ids.isEmpty()) {
            throw new RunException("Run " + childId + " finished but registered no " + wanted + " snapshot.");
        }
        return result;
    }

    /** The outputs of the stages that succeeded so far. */
    PipelineOutputs outputs(long pipelineId, RunConfig pipeline) {
        Map<String, Long> childRuns = new LinkedHashMap<>();
        Map<String, List<Long>> snapshots = new LinkedHashMap<>();
        for (StageRecord r : children.all(pipelineId)) {
            if (r.succeeded() && r.result() != null && r.result().has("childRunId")) {
                childRuns.put(r.stageKey(), r.result().get("childRunId").asLong());
                List<Long> ids = new ArrayList<>();
                r.result().get("snapshotIds").forEach(n -> ids.add(n.asLong()));
                snapshots.put(r.stageKey(), ids);
            }
        }
        return new PipelineOutputs(
                Long.parseLong(pipeline.modelSnapshots().getFirst()),
                last(snapshots.get(PipelineStep.SL_FINETUNE.key())),
                last(snapshots.get(PipelineStep.PREFERENCE_MODEL.key())),
                snapshots.getOrDefault(PipelineStep.RL.key(), List.of()),
                childRuns,
                snapshots);
    }

    private Map<String, RunConfig.Execution> types() {
        Map<String, RunConfig.Execution> out = new LinkedHashMap<>();
        for (RunTypeInfo info : runs.types()) {
            out.put(info.type(), info.defaultExecution());
        }
        return out;
    }

    private Optional<PipelineExtension> extension(String key) {
        return extensions.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    private ModelSnapshot snapshot(String ref) {
        Optional<ModelSnapshot> found = Optional.empty();
        if (ref.chars().allMatch(Character::isDigit)) {
            found = registry.find(Long.parseLong(ref));
        }
        return found.or(() -> registry.findByName(ref))
                .orElseThrow(() -> new RunException("There is no model snapshot \"" + ref + "\"."));
    }

    private static Long last(List<Long> ids) {
        return ids == null || ids.isEmpty() ? null : ids.getLast();
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw new RunException("The pipeline has no " + what + " yet: an earlier stage did not succeed.");
        }
        return value;
    }
}
