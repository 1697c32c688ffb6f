package org.cailab.experiment;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The table {@code pipeline_stage}: which child run each stage attempt of a pipeline run started. */
interface StageRepository {

    /** Inserts the attempt unless it exists; false when another worker (or an earlier, cut-off one) inserted it. */
    boolean insert(long pipelineRunId, String stageKey, int attempt);

    void setChild(long pipelineRunId, String stageKey, int attempt, long childRunId);

    void finish(
            long pipelineRunId,
            String stageKey,
            int attempt,
            String outcome,
            @Nullable JsonNode result,
            @Nullable String message);

    /** The latest attempt at a stage. */
    Optional<StageRecord> latest(long pipelineRunId, String stageKey);

    /** Every attempt of every stage of the pipeline, by creation. */
    List<StageRecord> all(long pipelineRunId);

    /** The pipeline run a child run belongs to, if any. */
    Optional<Long> parentOf(long childRunId);
}
