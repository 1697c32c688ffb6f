package org.cailab.redteam;

/** Where an attempt comes from: our own campaigns, or an imported file of red-team attempts. */
public enum AttemptSource {
    LIVE,
    IMPORTED
}
