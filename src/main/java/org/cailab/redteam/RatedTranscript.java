package org.cailab.redteam;

/**
 * A rated red-team attempt as a harm predictor trains on it: the whole conversation in the paper's
 * {@code "\n\nHuman: ...\n\nAssistant: ..."} format and the red teamer's success rating, 0..4.
 */
public record RatedTranscript(long attemptId, AttemptSource source, String transcript, double rating) {}
