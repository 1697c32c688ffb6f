package org.cailab.pipeline;

/** Published when a run has processed all its items (some may have failed), in the transaction that says so. */
public record RunFinished(long runId, String type, int done, int failed) {}
