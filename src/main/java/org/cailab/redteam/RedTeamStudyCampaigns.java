package org.cailab.redteam;

import org.cailab.crowdwork.CampaignStudyLinks;
import org.springframework.stereotype.Component;

/** Red-team campaigns as study-link targets: links {@code /p/redteam/{campaignId}}, pages {@code /redteam/{campaignId}}. */
@Component
class RedTeamStudyCampaigns extends CampaignStudyLinks {

    /** The feature's name in study-link keys and session authorities. */
    static final String KIND = "redteam";

    RedTeamStudyCampaigns(RedTeamCampaignRepository campaigns) {
        super(KIND, KIND, "/redteam/", campaigns);
    }
}
