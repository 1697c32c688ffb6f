package org.cailab.experiment.ui;

import org.cailab.model.ModelSnapshot;
import org.cailab.pipeline.RunConfig;
import org.jspecify.annotations.Nullable;

/**
 * The pipeline settings that move the demo models. The form's defaults are made for real checkpoints (learning rate
 * 1e-5, one SL optimizer step): on the demo models they change nothing, so RL-CAI repeats the base's answers.
 * {@code DemoDirectionBenchmark} measured these values (README, "Demo red-team attempts and the demo direction"):
 * predicted harm 2.19 -> 1.70-1.76 for RL-CAI over two seeds, AI-label win rate over the base 61-76%. Public so
 * that the benchmark's {@code --demo-tuned} runs exactly what the form's checkbox applies.
 */
public final class DemoTuning {

    /** New tokens per answer (the form's field). */
    public static final int MAX_TOKENS = 96;
    /** SL and PM epochs (the form's fields). */
    public static final int EPOCHS = 4;
    /** RL-CAI steps (the form's field). */
    public static final int RL_STEPS = 16;
    /** Prompts per RL-CAI step (the form's field). */
    public static final int PROMPTS_PER_STEP = 8;
    /** An RL-CAI snapshot every this many steps (the form's field). */
    public static final int SNAPSHOT_EVERY = 4;

    private DemoTuning() {}

    /** The demo snapshots are named {@code demo-early} and {@code demo-final} (DemoModels). */
    static boolean isDemo(@Nullable ModelSnapshot snapshot) {
        return snapshot != null && snapshot.name().startsWith("demo-");
    }

    /** The stage settings the form has no field for; the visible fields are set by the form. */
    public static RunConfig applyTo(RunConfig config) {
        return config.withParameter("sl-finetune.learningRate", "5e-4")
                .withParameter("sl-finetune.batchSize", "8")
                .withParameter("pm-train.learningRate", "5e-4")
                .withParameter("pm-train.batchSize", "8")
                .withParameter("rl-cai.learningRate", "1e-4");
    }
}
