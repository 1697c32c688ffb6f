package org.cailab.crowdwork;

import java.util.Optional;
import org.cailab.security.StudyParticipations;

/**
 * The part of a task type's campaign repository that every task type has: the campaign's open state under a lock,
 * and its participants (the locks, the guidelines mark, the Prolific ids). {@link JooqCampaignStore} implements it
 * for the task type's tables; used only inside the services' transactions.
 */
public interface CampaignParticipations extends StudyParticipations<Participation> {

    /**
     * Whether the campaign is open, holding a share lock on it until the transaction ends: closing it waits for
     * the caller, so nothing is recorded in a campaign after it was closed.
     */
    boolean lockOpen(long campaignId);

    /** Whether the campaign takes participants; empty when there is no such campaign. */
    Optional<Boolean> isOpen(long campaignId);

    void markGuidelinesSeen(long campaignId, long workerId);
}
