package org.cailab.security;

import java.util.Optional;

/**
 * The participation rows of one kind of campaign, as its repository keeps them: what the study-link entry locks and
 * records. A feature's campaign repository extends this, and its {@link StudyCampaigns} bean hands it over.
 *
 * @param <P> the feature's participation row
 */
public interface StudyParticipations<P> {

    /**
     * Makes the worker a participant (idempotent) and locks the participation row until the transaction ends, so
     * that one worker's requests in one campaign (two tabs, a double click) run one after the other.
     */
    P lockParticipation(long campaignId, long workerId);

    /** The Prolific session id a participant first entered the campaign with, if any (the row locked). */
    Optional<String> lockProlificSession(long campaignId, long workerId);

    /** Stores the Prolific ids of a participant with the campaign. */
    void recordProlificIds(long campaignId, long workerId, String prolificPid, String studyId, String sessionId);
}
