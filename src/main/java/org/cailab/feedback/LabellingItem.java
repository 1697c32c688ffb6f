package org.cailab.feedback;

/** The input of one labelling item: the pair to label. */
record LabellingItem(long pairId) {}
