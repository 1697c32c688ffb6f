package org.cailab.evaluation;

import java.util.List;

/** What a run stores for a batch: how the model answered each of its items. */
record EvaluationBatchOutput(List<ItemResult> results) {}
