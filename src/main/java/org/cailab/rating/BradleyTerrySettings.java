package org.cailab.rating;

/**
 * Parameters of the Bradley-Terry fit.
 *
 * @param prior         L2 penalty {@code prior/2 * sum(beta^2)} on the log-odds strengths; 0 for
 *                      plain maximum likelihood. A small value (say 1e-6) keeps strengths finite
 *                      when a model never lost, and makes a disconnected comparison graph fittable.
 * @param maxIterations Newton iterations before giving up (reported as not converged)
 * @param tolerance     converged once no strength moves more than this in one step (log-odds units)
 */
public record BradleyTerrySettings(double prior, int maxIterations, double tolerance) {

    public BradleyTerrySettings {
        if (!(prior >= 0) || Double.isInfinite(prior) || maxIterations < 1 || !(tolerance > 0)) {
            throw new IllegalArgumentException("bad Bradley-Terry settings: prior=" + prior + " maxIterations="
                    + maxIterations + " tolerance=" + tolerance);
        }
    }

    /** Plain maximum likelihood, up to 100 Newton steps, tolerance 1e-10. */
    public static BradleyTerrySettings defaults() {
        return new BradleyTerrySettings(0, 100, 1e-10);
    }

    /** A copy with another prior. */
    public BradleyTerrySettings withPrior(double newPrior) {
        return new BradleyTerrySettings(newPrior, maxIterations, tolerance);
    }
}
