package org.cailab.redteam;

import org.cailab.crowdwork.CampaignParticipations;
import org.cailab.crowdwork.TaskCampaignRepository;

/**
 * Persistence of red-team campaigns and their pools; used only inside the services' transactions. Open state and
 * participants come from {@link CampaignParticipations}.
 */
interface RedTeamCampaignRepository extends TaskCampaignRepository<RedTeamCampaign, RedTeamCampaignSettings> {}
