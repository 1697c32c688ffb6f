package org.cailab.redteam;

/** A second rating of an attempt (double click, second tab, retried request): the first rating stands. */
public class AttemptAlreadyRatedException extends RedTeamException {

    public AttemptAlreadyRatedException(String message) {
        super(message);
    }
}
