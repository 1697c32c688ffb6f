package org.cailab.experiment;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One attempt at one stage of a pipeline, as the table {@code pipeline_stage} keeps it. */
record StageRecord(
        long pipelineRunId,
        String stageKey,
        int attempt,
        @Nullable Long childRunId,
        @Nullable String outcome,
        @Nullable JsonNode result,
        @Nullable String message,
        OffsetDateTime createdAt) {

    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";

    boolean succeeded() {
        return SUCCEEDED.equals(outcome);
    }

    boolean failed() {
        return FAILED.equals(outcome);
    }
}
