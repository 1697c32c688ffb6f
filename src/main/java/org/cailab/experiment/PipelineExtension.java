package org.cailab.experiment;

import org.cailab.pipeline.RunConfig;

/**
 * An optional pipeline stage contributed by another module (for example a harm evaluation of the RL-CAI snapshots):
 * a Spring bean of this type. A pipeline includes it when its configuration lists the extension's key in the
 * parameter {@value PipelineParameters#EXTRA_STAGES} (the pipeline form offers a checkbox per extension). It runs
 * as an ordinary child run after RL-CAI and before the comparison campaigns, with the same failure and resume
 * handling as the built-in stages.
 */
public interface PipelineExtension {

    /** The stage key: 1-64 lower-case letters, digits or '-', not one of {@link PipelineStep}'s keys. */
    String key();

    /** The stage's name on the pipeline page. */
    String label();

    /**
     * The configuration of the child run, from the pipeline's recorded configuration and what the earlier stages
     * produced. Settings the researcher gave for this stage arrive as the pipeline's parameters prefixed with
     * {@code key() + "."}; the pipeline adds them to the returned configuration.
     */
    RunConfig childConfig(RunConfig pipeline, PipelineOutputs outputs);

    /**
     * Checks the pipeline's settings for this stage when the pipeline is planned, so that a bad choice is refused
     * before any stage runs (throw a {@link org.cailab.pipeline.RunException} saying what is wrong). By default
     * nothing is checked and a bad setting fails the stage when it starts.
     */
    default void check(RunConfig pipeline) {}

    /**
     * The kind of snapshot the child run must register for the stage to succeed (it is then listed on the pipeline
     * page and in {@link PipelineOutputs#snapshotsOf}); {@code null}: every snapshot the child registered, maybe none.
     */
    default org.cailab.model.@org.jspecify.annotations.Nullable SnapshotKind produces() {
        return null;
    }
}
