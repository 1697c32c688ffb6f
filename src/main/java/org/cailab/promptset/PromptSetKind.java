package org.cailab.promptset;

/** What a prompt set is for: the paper samples harmlessness (red-team) and helpfulness prompts separately. */
public enum PromptSetKind {
    RED_TEAM("Red team"),
    HELPFULNESS("Helpfulness");

    private final String label;

    PromptSetKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
