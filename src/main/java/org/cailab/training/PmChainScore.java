package org.cailab.training;

import java.util.List;

/**
 * One chain's preference-model rewards by round, as a scoring run stores them (index 0: the initial response).
 *
 * @param chainKey  the chain's item key in its SL-CAI run
 * @param truncated whether each response stopped at the token limit
 */
public record PmChainScore(String chainKey, List<Double> scores, List<Boolean> truncated) {

    public PmChainScore {
        scores = List.copyOf(scores);
        truncated = List.copyOf(truncated);
    }
}
