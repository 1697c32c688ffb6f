package org.cailab.comparison;

import java.util.List;
import java.util.Optional;
import org.cailab.security.StudyParticipations;

/** Persistence of campaigns, their pools, gold items and participants; used only inside the services' transactions. */
interface CampaignRepository extends StudyParticipations<CampaignRepository.Participation> {

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

    void markGuidelinesSeen(long campaignId, long workerId);

    // participation locks and Prolific ids come from StudyParticipations;
    // recordProlificIds here: the first study and session ids are kept, later ones update them

    record Participation(long campaignId, long workerId, boolean guidelinesSeen) {}
}
