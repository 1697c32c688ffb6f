package org.cailab.redteam;

import java.util.List;
import java.util.Optional;
import org.cailab.crowdwork.CampaignParticipations;

/**
 * Persistence of red-team campaigns and their pools; used only inside the services' transactions. Open state and
 * participants come from {@link CampaignParticipations}.
 */
interface RedTeamCampaignRepository extends CampaignParticipations {

    List<RedTeamCampaign> findAll();

    List<RedTeamCampaign> findOpen();

    Optional<RedTeamCampaign> findById(long id);

    RedTeamCampaign insert(RedTeamCampaignSettings settings, String createdBy);

    /** Updates the campaign and replaces its pool if {@code version} is still current; false otherwise. */
    boolean update(long id, int version, RedTeamCampaignSettings settings);
}
