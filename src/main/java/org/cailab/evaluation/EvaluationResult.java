package org.cailab.evaluation;

import java.time.OffsetDateTime;

/**
 * The summary of one evaluation run, computed from its stored per-item outputs.
 *
 * @param evaluationSet the set's name
 * @param snapshot      the evaluated snapshot's name
 * @param finished      whether every item is done (otherwise the summary covers the items done so far)
 * @param accuracyLower lower end of the 95% Wilson interval of the accuracy
 * @param accuracyUpper its upper end
 */
public record EvaluationResult(
        long runId,
        String runName,
        String evaluationSet,
        String snapshot,
        boolean finished,
        OffsetDateTime createdAt,
        Calibration calibration,
        double accuracyLower,
        double accuracyUpper) {

    private static final double Z = 1.959963984540054;

    /** A result with the Wilson interval of {@code calibration}'s accuracy. */
    public static EvaluationResult of(
            long runId,
            String runName,
            String evaluationSet,
            String snapshot,
            boolean finished,
            OffsetDateTime createdAt,
            Calibration calibration) {
        double[] interval = wilson(calibration.accuracy(), calibration.n());
        return new EvaluationResult(
                runId, runName, evaluationSet, snapshot, finished, createdAt, calibration, interval[0], interval[1]);
    }

    /** The 95% Wilson score interval of a proportion {@code p} of {@code n}. */
    static double[] wilson(double p, int n) {
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
