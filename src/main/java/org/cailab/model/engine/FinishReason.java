package org.cailab.model.engine;

/** Why a generation ended. */
public enum FinishReason {
    /** A stop sequence appeared; the text ends before it. */
    STOP_SEQUENCE,
    /** The model produced an end-of-sequence token. */
    END_OF_SEQUENCE,
    /** The maximum number of new tokens was reached. */
    MAX_TOKENS
}
