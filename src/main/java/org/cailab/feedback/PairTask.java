package org.cailab.feedback;

/** What a preference pair's label judges: the less harmful or the more helpful response. */
public enum PairTask {
    HARMLESSNESS("Harmlessness"),
    HELPFULNESS("Helpfulness");

    private final String label;

    PairTask(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
