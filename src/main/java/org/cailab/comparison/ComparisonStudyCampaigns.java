package org.cailab.comparison;

import org.cailab.crowdwork.CampaignStudyLinks;
import org.springframework.stereotype.Component;

/** Comparison campaigns as study-link targets: links {@code /p/{campaignId}}, pages {@code /compare/{campaignId}}. */
@Component
class ComparisonStudyCampaigns extends CampaignStudyLinks {

    /** The feature's name in study-link keys and session authorities. */
    static final String KIND = "comparison";

    ComparisonStudyCampaigns(CampaignRepository campaigns) {
        super(KIND, "", "/compare/", campaigns);
    }
}
