package org.cailab.comparison;

import java.util.List;
import java.util.Optional;

/** Persistence of campaigns, their pools, gold items and participants; used only inside the services' transactions. */
interface CampaignRepository {

    List<Campaign> findAll();

    List<Campaign> findOpen();

    Optional<Campaign> findById(long id);

    /**
     * Whether the campaign is open, holding a share lock on it until the transaction ends: closing it waits for
     * the caller, so nothing is recorded in a campaign after it was closed.
     */
    boolean lockOpen(long id);

    Campaign insert(CampaignSettings settings, String createdBy);

    /** Updates the campaign and replaces its pool if {@code version} is still current; false otherwise. */
    boolean update(long id, int version, CampaignSettings settings);

    List<GoldItem> goldItems(long campaignId);

    Optional<GoldItem> goldItem(long id);

    GoldItem insertGoldItem(long campaignId, NewGoldItem item);

    boolean deleteGoldItem(long campaignId, long goldItemId);

    /**
     * Makes the worker a participant (idempotent) and locks the participation row until the transaction ends, so
     * that one worker's requests in one campaign (two tabs, a double click) run one after the other.
     */
    Participation lockParticipation(long campaignId, long workerId);

    void markGuidelinesSeen(long campaignId, long workerId);

    /** Stores the Prolific ids of a participant; the first study and session ids are kept, later ones update them. */
    /** The Prolific session id a participant first entered the campaign with, if any (the row locked). */
    Optional<String> lockProlificSession(long campaignId, long workerId);

    void recordProlificIds(long campaignId, long workerId, String prolificPid, String studyId, String sessionId);

    record Participation(long campaignId, long workerId, boolean guidelinesSeen) {}
}
