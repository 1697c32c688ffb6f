package org.cailab.redteam;

import org.cailab.crowdwork.CampaignChecks;
import org.cailab.crowdwork.CampaignRules;
import org.cailab.crowdwork.TaskCampaignService;
import org.cailab.dialogue.TurnText;
import org.cailab.model.ModelService;
import org.cailab.security.StudyLinkEntry;
import org.cailab.security.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Researchers and admins set up red-team campaigns: instructions, model pool, turn limit, quota, open and closed. */
@Service
@Transactional
public class RedTeamCampaignService extends TaskCampaignService<RedTeamCampaign, RedTeamCampaignSettings> {

    /** Each attempt talks with one snapshot: at least one in the pool; the quota counts rated attempts. */
    private static final CampaignRules RULES =
            new CampaignRules(1, "attempt", TurnText::printable, RedTeamException::new);

    RedTeamCampaignService(
            RedTeamCampaignRepository campaigns,
            ModelService models,
            UserService users,
            StudyLinkEntry entry,
            CampaignChecks checks,
            RedTeamStudyCampaigns studyCampaigns) {
        super(campaigns, models, users, entry, checks, studyCampaigns, RULES, "red-team campaign");
    }

    @Override
    protected RedTeamCampaignSettings validated(RedTeamCampaignSettings s) {
        return new RedTeamCampaignSettings(checks.checked(s.basics(), RULES), s.askTaskHarm());
    }
}
