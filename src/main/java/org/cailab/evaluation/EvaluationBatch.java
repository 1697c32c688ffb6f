package org.cailab.evaluation;

import java.util.List;

/**
 * One item of an evaluation run: consecutive eval items, copied into the run so that it is complete on its own.
 *
 * @param from the index of the first item in the set
 */
record EvaluationBatch(int from, List<EvalItem> items) {}
