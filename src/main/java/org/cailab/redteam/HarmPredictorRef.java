package org.cailab.redteam;

/** A harm predictor that a harm-eval run used, by name (for the dashboards' choice of predictor). */
public record HarmPredictorRef(long snapshotId, String name) {}
