package org.cailab.experiment;

import java.util.Arrays;
import java.util.Optional;

/**
 * The built-in stages of a pipeline run in their order; each is a child run of {@link #runType()} except the
 * comparison campaigns, which are created directly. Optional stages of other modules come in through {@link
 * PipelineExtension} and run after RL-CAI, before the campaigns.
 */
public enum PipelineStep {
    SL_CAI("sl-cai", "SL-CAI critique and revision", "sl-cai"),
    SL_FINETUNE("sl-finetune", "SL finetuning", "sl-finetune"),
    RESPONSE_PAIRS("response-pairs", "Response pairs", "response-pairs"),
    AI_FEEDBACK("ai-feedback", "AI feedback labels", "ai-feedback"),
    PREFERENCE_MODEL("pm-train", "Preference model", "pm-train"),
    RL("rl-cai", "RL-CAI", "rl-cai"),
    CAMPAIGNS("campaigns", "Comparison campaigns", null);

    private final String key;
    private final String label;
    private final String runType;

    PipelineStep(String key, String label, String runType) {
        this.key = key;
        this.label = label;
        this.runType = runType;
    }

    /** The stage's key in the pipeline (its item key, and the prefix of its per-stage settings). */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The run type of the child run; {@code null} for the campaigns. */
    public String runType() {
        return runType;
    }

    public static Optional<PipelineStep> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
