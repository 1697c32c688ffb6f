package org.cailab.pipeline;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An item of a run with its output (once done) or its last error.
 *
 * @param seq    position in processing order, from 0
 * @param worker who produced the output
 */
public record RunItem(
        long id,
        int seq,
        String key,
        RunItemState state,
        int attempts,
        @Nullable String lastError,
        @Nullable OffsetDateTime finishedAt,
        @Nullable JsonNode output,
        @Nullable String worker) {}
