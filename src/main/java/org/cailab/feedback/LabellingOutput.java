package org.cailab.feedback;

import java.util.List;

/**
 * The output of one labelling item: the stored AI feedback pair, the pair it labels, the label, the principles and
 * whether the two orders (A, B) and (B, A) preferred different responses. The full record (prompts,
 * log-probabilities, reasoning) is the AI feedback pair's details.
 */
record LabellingOutput(
        long labelPairId, long labelledPairId, double label, List<String> principles, boolean ordersDisagree) {}
