package org.cailab.promptset;

/** Which prompts a multi-turn transcript yields. Plain text has one turn per prompt, so both give the same. */
public enum PromptExtraction {
    /** Only the first human turn of each conversation. */
    FIRST_HUMAN_TURN("First human turn"),
    /**
     * Every prefix of the conversation that ends in a human turn, so a conversation with three human turns gives
     * three prompts: the paper's "partial conversations".
     */
    PARTIAL_CONVERSATIONS("Partial conversations (every prefix ending in a human turn)");

    private final String label;

    PromptExtraction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
