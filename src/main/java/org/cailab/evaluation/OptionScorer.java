package org.cailab.evaluation;

import java.util.List;

/** Scores the options of a multiple-choice item with some model. */
public interface OptionScorer {

    /** One score per option, same order. */
    List<OptionScore> score(String prompt, List<String> options);

    /**
     * Samples a continuation of the prompt (chain-of-thought reasoning), stopping before {@code "\n\nHuman:"}.
     *
     * @param temperature sampling temperature
     * @param maxTokens   the longest continuation
     * @param seed        the sampling seed
     */
    String generate(String prompt, double temperature, int maxTokens, long seed);
}
