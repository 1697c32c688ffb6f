package org.cailab.constitution;

import org.jspecify.annotations.Nullable;

/** The file formats a constitution can be imported from and exported to. */
public enum ConstitutionFormat {
    /** Our own YAML ({@code format: cailab-constitution/1}), holding everything; see {@code constitution/README.md}. */
    CAILAB_YAML(null),
    /**
     * The llm-swarm "constitutional-ai" recipe's JSON: {@code {"constitutions": [{"critic", "revision"}],
     * "system_chat": [[{"role", "content"}...]...]}}, or the bare list of constitutions.
     */
    LLM_SWARM(null),
    /** The paper's SL principles: {@code {"harmful0": {"prompt": [critique request], "edit_request": ...}}}. */
    PAPER_SL_PRINCIPLES("CritiqueRevisionInstructions.json"),
    /** The paper's RL principles: a list of {@code "\n...Options:"} strings. */
    PAPER_RL_PRINCIPLES("RLMadisonInstructions.json"),
    /** The paper's critique/revision few-shot dialogues: a list of strings. */
    PAPER_CRITIQUE_EXAMPLES("CritiqueRevisionFewShotPrompts.json"),
    /** The paper's multiple-choice few-shots: a list of {@code {prompt, corrects, incorrects}}. */
    PAPER_MC_EXAMPLES("RLMadisonFewShotPrompts.json"),
    /** The paper's chain-of-thought few-shots: a list of {@code {prompt}} with a {@code {}} principle slot. */
    PAPER_COT_EXAMPLES("RLMadisonPrecogFewShotPrompts.json");

    private final @Nullable String paperFileName;

    ConstitutionFormat(@Nullable String paperFileName) {
        this.paperFileName = paperFileName;
    }

    /** The file name the paper's repository uses, or {@code null} for formats that are not paper files. */
    public @Nullable String paperFileName() {
        return paperFileName;
    }

    /** Whether this is one of the five files of the paper's repository. */
    public boolean isPaperFile() {
        return paperFileName != null;
    }
}
