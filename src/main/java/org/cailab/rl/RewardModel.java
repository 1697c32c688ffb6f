package org.cailab.rl;

import java.util.List;

/**
 * Scores complete responses: the reward RL maximizes, given once at the end of each response. A preference model
 * snapshot is the usual one. Implementations must be deterministic for the same inputs (resume depends on it).
 */
@FunctionalInterface
public interface RewardModel {

    /**
     * @param prompts the prompts as the policy saw them
     * @param responses the sampled responses (text cut before any stop sequence), one per prompt
     * @return one score per response, higher is better
     */
    double[] score(List<String> prompts, List<String> responses);
}
