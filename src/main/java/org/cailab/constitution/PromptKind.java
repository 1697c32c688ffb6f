package org.cailab.constitution;

/** The prompts a principle ends up in, as the preview shows them. */
public enum PromptKind {
    /** SL-CAI: the first critique of a response (the revision prompt continues this one with the sampled critique). */
    CRITIQUE("Critique (SL-CAI)", true),
    /** SL-CAI ablation: a revision without a critique first. */
    DIRECT_REVISION("Direct revision (SL-CAI ablation)", true),
    /** RL-CAI: the feedback model picks (A) or (B). */
    MULTIPLE_CHOICE("Multiple-choice feedback (RL-CAI)", false),
    /** RL-CAI: the feedback model reasons step by step before it picks. */
    CHAIN_OF_THOUGHT("Chain-of-thought feedback (RL-CAI)", false);

    private final String label;
    private final boolean slPrinciple;

    PromptKind(String label, boolean slPrinciple) {
        this.label = label;
        this.slPrinciple = slPrinciple;
    }

    public String label() {
        return label;
    }

    /** Whether the prompt takes an SL principle (critique/revision); otherwise it takes an RL principle. */
    public boolean usesSlPrinciple() {
        return slPrinciple;
    }
}
