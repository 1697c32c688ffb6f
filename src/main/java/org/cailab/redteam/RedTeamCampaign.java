package org.cailab.redteam;

import java.time.OffsetDateTime;
import org.cailab.crowdwork.TaskCampaign;

/**
 * A stored red-team campaign.
 *
 * @param version       for optimistic locking: updates name the version they started from
 * @param ratedAttempts attempts rated so far
 */
public record RedTeamCampaign(
        long id,
        int version,
        RedTeamCampaignSettings settings,
        long ratedAttempts,
        String createdBy,
        OffsetDateTime createdAt)
        implements TaskCampaign<RedTeamCampaignSettings> {}
