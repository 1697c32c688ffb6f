package org.cailab.feedback;

import org.cailab.promptset.Turn;

import java.util.List;

/** The input of one response-pair item: a prompt of the set, copied into the run. */
record ResponsePairItem(int position, List<Turn> conversation) {
}
