package org.cailab.comparison;

import java.time.OffsetDateTime;

/** The parts of a stored vote that the service needs after recording it. */
record StoredVote(long id, long turnId, String idempotencyKey, OffsetDateTime votedAt) {}
