package org.cailab.comparison;

/** A comparison request that cannot be carried out; the message is meant for the person who asked. */
public class ComparisonException extends org.cailab.crowdwork.CampaignException {

    public ComparisonException(String message) {
        super(message);
    }
}
