package org.cailab.pipeline;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** A run as stored: its recorded configuration and where it stands. {@code error} says why a run failed. */
public record Run(
        RunId id,
        RunConfig config,
        RunState state,
        String createdBy,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime startedAt,
        @Nullable OffsetDateTime endedAt,
        @Nullable String error) {

    public String type() {
        return config.type();
    }

    public String name() {
        return config.name();
    }
}
