package org.cailab.model;

/** What a registered snapshot is, in the terms of the paper's pipeline. */
public enum SnapshotKind {
    PRETRAINED,
    HELPFUL,
    SL_CAI,
    RL_CAI,
    PREFERENCE_MODEL,
    HARM_PREDICTOR,
    DEMO
}
