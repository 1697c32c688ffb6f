package org.cailab.pipeline;

import java.time.OffsetDateTime;

/** A line of a run's log. */
public record RunLogEntry(long id, OffsetDateTime at, RunLogLevel level, String message) {}
