package org.cailab.model;

/**
 * Records the demo training as a finished run, so that the demo snapshots belong to a run with training steps and
 * the dashboards' rating-against-step chart joins them on a fresh install. The run engine implements it; the
 * models module only knows this interface (runs depend on models, not the other way round).
 */
public interface DemoTrainingRecorder {

    /** Stores the finished training as a run and returns the run's id. */
    long recordFinished(DemoTraining training);
}
