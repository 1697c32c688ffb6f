package org.cailab.comparison;

import java.util.List;
import java.util.Optional;
import org.cailab.crowdwork.CampaignParticipations;

/**
 * Persistence of campaigns, their pools, gold items and participants; used only inside the services' transactions.
 * Open state and participants come from {@link CampaignParticipations}.
 */
interface CampaignRepository extends CampaignParticipations {

    List<Campaign> findAll();

    List<Campaign> findOpen();

    Optional<Campaign> findById(long id);

    Campaign insert(CampaignSettings settings, String createdBy);

    /** Updates the campaign and replaces its pool if {@code version} is still current; false otherwise. */
    boolean update(long id, int version, CampaignSettings settings);

    List<GoldItem> goldItems(long campaignId);

    Optional<GoldItem> goldItem(long id);

    GoldItem insertGoldItem(long campaignId, NewGoldItem item);

    boolean deleteGoldItem(long campaignId, long goldItemId);
}
