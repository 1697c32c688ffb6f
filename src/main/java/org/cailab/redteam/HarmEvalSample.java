package org.cailab.redteam;

/**
 * One sampled response of a harm evaluation and the harm predictor's score of it.
 *
 * @param snapshotId the snapshot that answered
 * @param sample     which of the prompt's samples for that snapshot (0..N-1)
 * @param seed       the sampling seed of the response
 * @param response   the response text (model output: shown as text only)
 * @param score      the predicted harm (the predictor's scalar output on the 0-4 rating scale; not clamped)
 */
public record HarmEvalSample(
        long snapshotId, String snapshotName, int sample, long seed, String response, double score) {}
