package org.cailab.redteam;

import java.util.List;
import java.util.Optional;
import org.cailab.security.StudyParticipations;

/** Persistence of red-team campaigns, their pools and participants; used only inside the services' transactions. */
interface RedTeamCampaignRepository extends StudyParticipations<RedTeamCampaignRepository.Participation> {

    List<RedTeamCampaign> findAll();

    List<RedTeamCampaign> findOpen();

    Optional<RedTeamCampaign> findById(long id);

    /**
     * Whether the campaign is open, holding a share lock on it until the transaction ends: closing it waits for
     * the caller, so nothing is recorded in a campaign after it was closed.
     */
    boolean lockOpen(long id);

    RedTeamCampaign insert(RedTeamCampaignSettings settings, String createdBy);

    /** Updates the campaign and replaces its pool if {@code version} is still current; false otherwise. */
    boolean update(long id, int version, RedTeamCampaignSettings settings);

    void markGuidelinesSeen(long campaignId, long workerId);

    // participation locks and Prolific ids come from StudyParticipations;
    // recordProlificIds here: later visits update them

    record Participation(long campaignId, long workerId, boolean guidelinesSeen) {}
}
