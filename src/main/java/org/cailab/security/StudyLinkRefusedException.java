package org.cailab.security;

/** A study link that does not let anyone in; the message is shown to the participant as it is. */
public class StudyLinkRefusedException extends RuntimeException {

    /** Why: decides the page the participant sees. */
    public enum Reason {
        /** Wrong key, unknown campaign, or bad parameters. */
        INVALID,
        /** The campaign exists but is closed. */
        CLOSED,
        /** The participant entered this campaign before from another Prolific session. */
        OTHER_SESSION
    }

    private final Reason reason;

    public StudyLinkRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
