package org.cailab.comparison;

/** Published when an admin excluded a worker's votes from the ratings or restored them. */
public record WorkerExclusionChanged(long workerId, boolean excluded) {}
