package org.cailab.pipeline;

import java.time.Instant;

/**
 * Published by {@link RunService} when it has queued a run's workers (start, resume), so that this instance's
 * scheduler looks for them at once after the commit instead of at its next poll. Kept in the event publication
 * registry until {@link RunWakeUp} has run; a copy resubmitted after a restart only wakes the scheduler once more,
 * which is harmless (docs/decisions/0151, "after-commit work as events").
 *
 * @param queuedAt makes two wake-ups of the same run and generation distinct rows in the registry
 */
record RunWorkersQueued(long runId, int generation, Instant queuedAt) {}
