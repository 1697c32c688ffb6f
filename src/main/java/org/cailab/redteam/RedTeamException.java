package org.cailab.redteam;

/** A red-team request that cannot be carried out; the message is meant for the person who asked. */
public class RedTeamException extends org.cailab.crowdwork.CampaignException {

    public RedTeamException(String message) {
        super(message);
    }
}
