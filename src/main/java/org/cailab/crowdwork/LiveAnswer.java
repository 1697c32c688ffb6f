package org.cailab.crowdwork;

/** One answer a turn waits for: the snapshot that writes it and the prompt it continues. */
public record LiveAnswer(long snapshotId, String prompt) {}
