package org.cailab.comparison;

import java.util.List;
import java.util.Optional;
import org.cailab.crowdwork.CampaignParticipations;
import org.cailab.crowdwork.TaskCampaignRepository;

/**
 * Persistence of campaigns, their pools, gold items and participants; used only inside the services' transactions.
 * Open state and participants come from {@link CampaignParticipations}.
 */
interface CampaignRepository extends TaskCampaignRepository<Campaign, CampaignSettings> {

    List<GoldItem> goldItems(long campaignId);

    Optional<GoldItem> goldItem(long id);

    GoldItem insertGoldItem(long campaignId, NewGoldItem item);

    boolean deleteGoldItem(long campaignId, long goldItemId);
}
