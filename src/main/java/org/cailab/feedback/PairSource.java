package org.cailab.feedback;

/** Where a preference pair and its label come from; {@link PairProvenance} holds the details. */
public enum PairSource {
    /** A human pair from an imported file (hh-rlhf chosen/rejected): file and line. */
    HUMAN_IMPORT("Imported human pair"),
    /** A crowdworker's vote in a comparison campaign: campaign and vote; a tie is 0.5. */
    CROWD_VOTE("Crowdworker vote"),
    /** Two responses sampled from a policy by a response-pair run, waiting for a label. */
    SAMPLED("Sampled pair"),
    /** A label from the feedback model (labelling run, principles, feedback snapshot) on another pair. */
    AI_FEEDBACK("AI feedback");

    private final String label;

    PairSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
