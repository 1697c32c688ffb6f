package org.cailab.pipeline;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/**
 * An item of a run with its output (once done) or its last error.
 *
 * @param seq    position in processing order, from 0
 * @param worker who produced the output
 */
public record RunItem(long id, int seq, String key, RunItemState state, int attempts, @Nullable String lastError,
                      @Nullable OffsetDateTime finishedAt, @Nullable JsonNode output, @Nullable String worker) {
}
