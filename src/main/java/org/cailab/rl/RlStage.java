package org.cailab.rl;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cailab.base.CailabProperties;
import org.cailab.model.ModelProperties;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.NewSnapshot;
import org.cailab.model.SnapshotKind;
import org.cailab.model.engine.EngineThreads;
import org.cailab.pipeline.ItemInput;
import org.cailab.pipeline.ItemResult;
import org.cailab.pipeline.RouteTarget;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunContext;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunInput;
import org.cailab.pipeline.RunLink;
import org.cailab.pipeline.RunLogLevel;
import org.cailab.pipeline.RunParameter;
import org.cailab.pipeline.RunPlan;
import org.cailab.pipeline.RunStage;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Run type {@code rl-cai}: RL of an SL-CAI policy against a reward snapshot (see {@link RlTrainer}). One item per
 * segment of {@code snapshotEvery} steps: it resumes from the checkpoint that ended the previous segment (the policy
 * snapshot for the first), runs its steps while recording each step's metrics, then writes a checkpoint and
 * registers it as an RL-CAI snapshot with parent, run and step (prompts trained on), with sample responses.
 *
 * <p>A segment cut off by a crash or {@code kill -9} is redone from the same checkpoint; every random choice is a
 * function of the seed and the step, so it computes the same weights and writes the same metric rows again. The
 * checkpoint a segment starts from is kept until the next segment has finished; older ones lose their optimizer
 * state and remain as snapshots.
 */
@Component
class RlStage implements RunStage {

    private static final int SAMPLES_PER_SNAPSHOT = 8;

    private final RlPlanner planner;
    private final RlRecorder recorder;
    private final RewardModels rewards;
    private final ModelRegistry registry;
    private final Path root;
    private final Device device;

    RlStage(
            RlPlanner planner,
            RlRecorder recorder,
            RewardModels rewards,
            ModelRegistry registry,
            CailabProperties app,
            ModelProperties models) {
        this.planner = planner;
        this.recorder = recorder;
        this.rewards = rewards;
        this.registry = registry;
        this.root = app.dataDir().resolve("rl").toAbsolutePath();
        this.device = Device.fromName(models.device());
    }

    @Override
    public String type() {
        return RlService.RUN_TYPE;
    }

    @Override
    public String label() {
        return "RL-CAI (PPO or RLOO against a reward model)";
    }

    @Override
    public String description() {
        return "Trains the policy (first model snapshot) with PPO or RLOO against the reward model (second snapshot) "
                + "on red-team prompts mixed with helpfulness prompts; registers an RL-CAI snapshot every few steps.";
    }

    @Override
    public List<RunInput> inputs() {
        return List.of(
                RunInput.PROMPT_SET,
                RunInput.snapshot("Policy model (SL-CAI)"),
                RunInput.snapshot("Preference model (reward)"));
    }

    @Override
    public List<RunParameter> parameters() {
        return RlParameters.FORM;
    }

    @Override
    public RunConfig.Execution defaultExecution() {
        return new RunConfig.Execution(1, 3, 5);
    }

    @Override
    public String itemsLabel() {
        return "segments";
    }

    @Override
    public List<RunLink> links(Run run) {
        return List.of(new RunLink("RL metrics and samples", RouteTarget.Page.ofRun("runs/:runId/rl", run.id())));
    }

    @Override
    public RunPlan plan(RunConfig config) {
        return planner.plan(config);
    }

    @Override
    public ItemResult process(RunContext context, ItemInput item) throws Exception {
        EngineThreads.forTraining(); // the same float sums in whichever instance resumes the run
        RunConfig config = context.config();
        RlParameters parameters = RlParameters.of(config);
        RlSettings settings = parameters.settings(config);
        RlPlanner.Segment segment = item.as(RlPlanner.Segment.class);
        ModelSnapshot policy =
                planner.snapshot(Long.parseLong(config.modelSnapshots().get(0)));
        ModelSnapshot rewardSnapshot =
                planner.snapshot(Long.parseLong(config.modelSnapshots().get(1)));
        Path runDir = root.resolve("run-" + context.runId());
        Path policyDir = Path.of(policy.location());
        @Nullable Path start = segment.fromStep() == 0 ? null : checkpoint(runDir, segment.fromStep());
        if (start != null && !Files.isRegularFile(start.resolve(RlTrainer.STATE_FILE))) {
            throw new RunException("The checkpoint of step " + segment.fromStep() + " is missing (" + start + ").");
        }
        PromptMix mix = planner.mix(config, parameters);
        try (RewardModels.OpenReward reward = rewards.open(rewardSnapshot, device);
                RlTrainer trainer = start == null
                        ? RlTrainer.start(policyDir, policyDir, reward, settings, device)
                        : RlTrainer.resume(start, policyDir, reward, settings, device)) {
            if (trainer.step() != segment.fromStep()) {
                throw new RunException("Checkpoint " + start + " is at step " + trainer.step() + ", expected "
                        + segment.fromStep() + ".");
            }
            @Nullable RlStepStats last = null;
            while (trainer.step() < segment.toStep()) {
                if (context.stopRequested()) {
                    throw new RunException(
                            "Stopped at step " + trainer.step() + "; the segment is redone from its " + "checkpoint.");
                }
                last = trainer.step(mix.step(trainer.step(), settings.rollout().promptsPerStep()));
                recorder.recordStep(context.runId(), last);
                if (last.meanKl() > parameters.klWarning()) {
                    context.log(
                            RunLogLevel.WARN,
                            "KL to the reference is %.2f at step %d, above the warning level %.2f"
                                    .formatted(last.meanKl(), last.step(), parameters.klWarning()));
                }
            }
            Path end = checkpoint(runDir, segment.toStep());
            trainer.saveCheckpoint(end);
            ModelSnapshot snapshot = register(config, context.runId(), policy, end, trainer.promptsSeen());
            List<RlSample> samples = new ArrayList<>();
            List<Rollout> rollouts = trainer.lastRollouts();
            for (int i = 0; i < Math.min(SAMPLES_PER_SNAPSHOT, rollouts.size()); i++) {
                Rollout r = rollouts.get(i);
                samples.add(new RlSample(
                        trainer.promptsSeen(), i, snapshot.id(), r.prompt(), r.response(), r.score(), r.kl()));
            }
            recorder.recordSamples(context.runId(), trainer.promptsSeen(), samples);
            pruneOptimizerState(runDir, segment.fromStep());
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("snapshotId", snapshot.id());
            output.put("snapshotName", snapshot.name());
            output.put("step", trainer.step());
            output.put("promptsSeen", trainer.promptsSeen());
            output.put("meanReward", last == null ? null : last.meanScore());
            output.put("kl", last == null ? null : last.meanKl());
            return ItemResult.of(output);
        }
    }

    static Path checkpoint(Path runDir, int step) {
        return runDir.resolve("step-%06d".formatted(step));
    }

    /** Registers the checkpoint once; a redone segment finds its snapshot by name. */
    private ModelSnapshot register(RunConfig config, long runId, ModelSnapshot parent, Path dir, long promptsSeen) {
        String runName = config.name().length() > 60 ? config.name().substring(0, 60) : config.name();
        String name = "%s (run %d) RL-CAI step %d".formatted(runName, runId, promptsSeen);
        return registry.findByName(name)
                .orElseGet(() -> registry.registerProduced(new NewSnapshot(
                        name,
                        SnapshotKind.RL_CAI,
                        dir.toString(),
                        parent.id(),
                        runId,
                        promptsSeen,
                        "RL-CAI (" + config.parameter(RlParameters.ALGORITHM, "ppo") + ") from " + parent.name()
                                + " against " + config.parameter(RlPlanner.REWARD_NAME, "") + ", " + promptsSeen
                                + " prompts")));
    }

    /** Checkpoints before {@code keepFrom} are only snapshots now: their optimizer state and value head go. */
    private static void pruneOptimizerState(Path runDir, int keepFrom) throws IOException {
        try (Stream<Path> dirs = Files.list(runDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String name = dir.getFileName().toString();
                if (name.matches("step-\\d{6}") && Integer.parseInt(name.substring(5)) < keepFrom) {
                    Files.deleteIfExists(dir.resolve(RlTrainer.OPTIMIZER_FILE));
                    Files.deleteIfExists(dir.resolve(RlTrainer.VALUE_HEAD_FILE));
                }
            }
        }
    }
}
