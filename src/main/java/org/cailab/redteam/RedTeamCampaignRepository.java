package org.cailab.redteam;

import java.util.List;
import java.util.Optional;

/** Persistence of red-team campaigns, their pools and participants; used only inside the services' transactions. */
interface RedTeamCampaignRepository {

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

    /**
     * Makes the worker a participant (idempotent) and locks the participation row until the transaction ends, so
     * that one worker's requests in one campaign (two tabs, a double click) run one after the other.
     */
    Participation lockParticipation(long campaignId, long workerId);

    void markGuidelinesSeen(long campaignId, long workerId);

    /** Stores the Prolific ids of a participant; later visits update them. */
    /** The Prolific session id a participant first entered the campaign with, if any (the row locked). */
    Optional<String> lockProlificSession(long campaignId, long workerId);

    void recordProlificIds(long campaignId, long workerId, String prolificPid, String studyId, String sessionId);

    record Participation(long campaignId, long workerId, boolean guidelinesSeen) {}
}
