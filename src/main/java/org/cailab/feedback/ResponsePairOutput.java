package org.cailab.feedback;

/**
 * The output of one response-pair item: the stored pair and how its responses were sampled (row A with
 * {@code seedA}, row B with {@code seedB}).
 */
record ResponsePairOutput(
        long pairId,
        String responseA,
        String responseB,
        long seedA,
        long seedB,
        double temperature,
        double topP,
        int maxNewTokens) {}
