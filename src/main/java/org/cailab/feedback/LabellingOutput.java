package org.cailab.feedback;

import java.util.List;

/**
 * The output of one labelling item: the stored AI feedback pair, the pair it labels, the label, the principles and
 * how many of them disagreed with themselves when A and B were swapped. The full record (prompts, log-probabilities,
 * reasoning) is the AI feedback pair's details.
 */
record LabellingOutput(long labelPairId, long labelledPairId, double label, List<String> principles,
                       int positionDisagreements) {
}
