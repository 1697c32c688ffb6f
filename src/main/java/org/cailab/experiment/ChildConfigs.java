package org.cailab.experiment;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunException;

/**
 * The configuration of each built-in stage's child run, from the pipeline's configuration and the outputs of the
 * stages before it. Parameter names are the child stages' own (documented on their run types); what is not set
 * here takes the child stage's default.
 */
final class ChildConfigs {

    private ChildConfigs() {}

    static RunConfig of(
            PipelineStep step, RunConfig p, PipelineOutputs outputs, Map<String, RunConfig.Execution> executions) {
        String base = p.modelSnapshots().getFirst();
        String feedback = p.modelSnapshots().size() > 1 ? p.modelSnapshots().get(1) : base;
        String helpfulSet =
                p.parameter(PipelineParameters.HELPFUL_PROMPT_SET, "").strip();
        RunConfig child = RunConfig.of(step.runType(), name(p, step.label()))
                .withSampling(p.sampling())
                .withSeed(p.seed())
                .withExecution(executions.getOrDefault(step.runType(), RunConfig.Execution.DEFAULT));
        return switch (step) {
            case SL_CAI -> {
                RunConfig c = child.withPromptSet(p.promptSet())
                        .withConstitution(p.constitution())
                        .withModelSnapshots(List.of(base))
                        .withParameter(
                                "rounds", String.valueOf(PipelineParameters.integer(p, PipelineParameters.ROUNDS)));
                yield helpfulSet.isEmpty() ? c : c.withParameter("helpfulPromptSetId", helpfulSet);
            }
            case SL_FINETUNE ->
                child.withModelSnapshots(List.of(base))
                        .withParameter("slCaiRuns", String.valueOf(run(outputs, PipelineStep.SL_CAI)))
                        .withParameter(
                                "round", String.valueOf(PipelineParameters.integer(p, PipelineParameters.ROUNDS)))
                        .withParameter(
                                "includeTruncated",
                                String.valueOf(PipelineParameters.flag(p, PipelineParameters.INCLUDE_TRUNCATED)))
                        .withParameter(
                                "epochs", String.valueOf(PipelineParameters.integer(p, PipelineParameters.SL_EPOCHS)));
            case RESPONSE_PAIRS ->
                child.withPromptSet(p.promptSet())
                        .withModelSnapshots(
                                List.of(String.valueOf(required(outputs.slCaiSnapshotId(), "SL-CAI model"))))
                        .withParameter("task", "harmlessness");
            case AI_FEEDBACK ->
                child.withModelSnapshots(List.of(feedback))
                        .withConstitution(p.constitution())
                        .withParameter("pairRun", String.valueOf(run(outputs, PipelineStep.RESPONSE_PAIRS)));
            case PREFERENCE_MODEL -> {
                List<Long> imports =
                        PipelineParameters.ids(p, PipelineParameters.HELPFUL_PAIRS, "Human helpfulness pair imports");
                double share =
                        imports.isEmpty() ? 1.0 : PipelineParameters.decimal(p, PipelineParameters.HARMLESS_SHARE);
                yield child.withModelSnapshots(List.of(feedback))
                        .withParameter("harmlessnessSource", "AI_FEEDBACK")
                        .withParameter("harmlessnessRuns", String.valueOf(run(outputs, PipelineStep.AI_FEEDBACK)))
                        .withParameter("helpfulnessSource", "HUMAN_IMPORT")
                        // empty would mean "all imports": with none chosen the share is 1 and the list unused
                        .withParameter(
                                "helpfulnessRuns",
                                imports.stream().map(String::valueOf).collect(Collectors.joining(",")))
                        .withParameter("harmlessnessShare", String.valueOf(share))
                        .withParameter(
                                "epochs", String.valueOf(PipelineParameters.integer(p, PipelineParameters.PM_EPOCHS)));
            }
            case RL -> {
                int prompts = PipelineParameters.integer(p, PipelineParameters.PROMPTS_PER_STEP);
                RunConfig c = child.withPromptSet(p.promptSet())
                        .withModelSnapshots(List.of(
                                String.valueOf(required(outputs.slCaiSnapshotId(), "SL-CAI model")),
                                String.valueOf(required(outputs.preferenceModelId(), "preference model"))))
                        .withParameter(
                                "steps", String.valueOf(PipelineParameters.integer(p, PipelineParameters.RL_STEPS)))
                        .withParameter("promptsPerStep", String.valueOf(prompts))
                        .withParameter("miniBatchSize", String.valueOf(prompts))
                        .withParameter(
                                "snapshotEvery",
                                String.valueOf(PipelineParameters.integer(p, PipelineParameters.SNAPSHOT_EVERY)));
                yield helpfulSet.isEmpty()
                        ? c
                        : c.withParameter("helpfulPromptSetId", helpfulSet)
                                .withParameter(
                                        "helpfulRatio",
                                        String.valueOf(
                                                PipelineParameters.decimal(p, PipelineParameters.RL_HELPFUL_RATIO)));
            }
            case CAMPAIGNS -> throw new IllegalArgumentException("The campaigns stage has no child run");
        };
    }

    /** The researcher's per-stage settings: pipeline parameters {@code <stage key>.<name>} become {@code <name>}. */
    static RunConfig withOverrides(RunConfig child, String stageKey, RunConfig pipeline) {
        String prefix = stageKey + ".";
        RunConfig out = child;
        for (Map.Entry<String, String> e : pipeline.parameters().entrySet()) {
            if (e.getKey().startsWith(prefix) && e.getKey().length() > prefix.length()) {
                out = out.withParameter(e.getKey().substring(prefix.length()), e.getValue());
            }
        }
        return out;
    }

    /**
     * A child's name: the pipeline's name first (for a constitution experiment it starts with the constitution
     * version, so RL-CAI snapshot names, which keep the first 60 characters of their run's name, carry it).
     */
    static String name(RunConfig pipeline, String stageLabel) {
        String suffix = " · " + stageLabel;
        return StageChildren.shorten(pipeline.name(), RunConfig.MAX_NAME_LENGTH - suffix.length()) + suffix;
    }

    private static long run(PipelineOutputs outputs, PipelineStep step) {
        Long id = outputs.childRuns().get(step.key());
        if (id == null) {
            throw new RunException("Stage " + step.key() + " has not succeeded yet.");
        }
        return id;
    }

    private static long required(Long value, String what) {
        if (value == null) {
            throw new RunException("The pipeline has no " + what + " yet: an earlier stage did not succeed.");
        }
        return value;
    }
}
