package org.cailab.model;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The state of one server URL of a remote snapshot, for the Models page.
 *
 * @param reachable     whether {@code GET /v1/models} answered 200 just now
 * @param models        the model names that server serves
 * @param latencyMillis how long that request took
 * @param requests      requests this instance sent it since start
 * @param failures      of which failed (counting each attempt)
 * @param outUntil      when it is taken out after failing again and again, until when; otherwise null
 * @param message       what went wrong, or empty
 */
public record BackendHealth(
        String snapshot,
        String url,
        boolean reachable,
        List<String> models,
        long latencyMillis,
        int inFlight,
        long requests,
        long failures,
        @Nullable Instant outUntil,
        String message) {

    /** Whether the server lists the snapshot's served model. */
    public boolean serves(String servedModel) {
        return models.contains(servedModel);
    }
}
