package org.cailab.redteam;

/** Where an attempt stands: in progress, rated (final), or given up without a rating. */
enum AttemptStatus {
    ACTIVE,
    RATED,
    ABANDONED
}
