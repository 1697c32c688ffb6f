package org.cailab.model.engine;

/** Who waits for a generation: people (served first) or background pipeline work (gets the capacity left over). */
public enum Priority {
    /** A person is waiting for the answer (comparison, red teaming, playground). */
    LIVE,
    /** Pipeline work (SL-CAI, labelling runs): runs in the slots live requests leave free and can be preempted. */
    PIPELINE
}
