package org.cailab.training;

/**
 * A preference-model scoring run ({@code pm-score}) as the dashboard lists it.
 *
 * @param slCaiRunId        the SL-CAI run whose chains it scores
 * @param preferenceModel   the scoring snapshot's name
 * @param state             the run's state for people ("Finished", "Running"...)
 * @param finished          whether every batch is done
 */
public record PmScoreRun(
        long runId,
        String name,
        long slCaiRunId,
        String slCaiRunName,
        String preferenceModel,
        String state,
        boolean finished) {

    /** "name (SL-CAI run X, PM Y)" for pickers. */
    public String label() {
        return name + " (SL-CAI run \"" + slCaiRunName + "\", PM \"" + preferenceModel + "\")";
    }
}
