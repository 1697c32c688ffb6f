package org.cailab.comparison;

import java.time.OffsetDateTime;
import org.cailab.crowdwork.TaskCampaign;

/**
 * A stored campaign.
 *
 * @param version   for optimistic locking: updates name the version they started from
 * @param goldItems number of gold items
 * @param votes     number of votes recorded so far
 */
public record Campaign(
        long id,
        int version,
        CampaignSettings settings,
        int goldItems,
        long votes,
        String createdBy,
        OffsetDateTime createdAt)
        implements TaskCampaign<CampaignSettings> {}
