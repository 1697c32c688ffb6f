package org.cailab.feedback;

import java.util.List;
import org.cailab.dialogue.Turn;

/** The input of one response-pair item: a prompt of the set, copied into the run. */
record ResponsePairItem(int position, List<Turn> conversation) {}
