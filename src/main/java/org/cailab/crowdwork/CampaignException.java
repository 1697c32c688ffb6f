package org.cailab.crowdwork;

/**
 * A campaign request that cannot be carried out; the message is meant for the person who asked. Each task type
 * throws its own subclass, so its views catch what its services throw, and the shared campaign views this one.
 */
public class CampaignException extends RuntimeException {

    public CampaignException(String message) {
        super(message);
    }
}
