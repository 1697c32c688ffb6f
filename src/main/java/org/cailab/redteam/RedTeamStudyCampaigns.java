package org.cailab.redteam;

import java.util.Optional;
import org.cailab.security.StudyCampaigns;
import org.cailab.security.StudyParticipations;
import org.springframework.stereotype.Component;

/** Red-team campaigns as study-link targets: links {@code /p/redteam/{campaignId}}, pages {@code /redteam/{campaignId}}. */
@Component
class RedTeamStudyCampaigns implements StudyCampaigns {

    /** The feature's name in study-link keys and session authorities. */
    static final String KIND = "redteam";

    private final RedTeamCampaignRepository campaigns;

    RedTeamStudyCampaigns(RedTeamCampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String linkSegment() {
        return KIND;
    }

    @Override
    public String pageRoute(long campaignId) {
        return "/redteam/" + campaignId;
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
