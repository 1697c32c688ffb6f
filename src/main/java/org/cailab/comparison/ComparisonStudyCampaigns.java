package org.cailab.comparison;

import java.util.Optional;
import org.cailab.security.StudyCampaigns;
import org.cailab.security.StudyParticipations;
import org.springframework.stereotype.Component;

/** Comparison campaigns as study-link targets: links {@code /p/{campaignId}}, pages {@code /compare/{campaignId}}. */
@Component
class ComparisonStudyCampaigns implements StudyCampaigns {

    /** The feature's name in study-link keys and session authorities. */
    static final String KIND = "comparison";

    private final CampaignRepository campaigns;

    ComparisonStudyCampaigns(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String linkSegment() {
        return "";
    }

    @Override
    public String pageRoute(long campaignId) {
        return "/compare/" + campaignId;
    }

    @Override
    public Optional<Boolean> isOpen(long campaignId) {
        return campaigns.findById(campaignId).map(c -> c.settings().open());
    }

    @Override
    public StudyParticipations<?> participations() {
        return campaigns;
    }
}
