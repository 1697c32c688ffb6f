package org.cailab.constitution;

/**
 * Which principle the few-shot examples of a feedback prompt are shown under (examples that carry an instruction
 * of their own always keep it).
 */
public enum FewShotPrinciples {
    /** Every few-shot under the question's principle (this project's first behaviour). */
    QUESTION,
    /** Every few-shot under its own principle, drawn independently of the question's (the paper's behaviour). */
    INDEPENDENT
}
