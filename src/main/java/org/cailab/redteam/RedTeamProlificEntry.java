package org.cailab.redteam;

import org.cailab.comparison.ProlificLink;
import org.cailab.security.UserAccount;
import org.cailab.security.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets a Prolific participant into a red-team campaign: finds or creates their worker account (the same one as for
 * comparison studies) and records their study ids. Only open campaigns accept participants.
 */
@Service
class RedTeamProlificEntry {

    private final RedTeamCampaignRepository campaigns;
    private final UserService users;

    RedTeamProlificEntry(RedTeamCampaignRepository campaigns, UserService users) {
        this.campaigns = campaigns;
        this.users = users;
    }

    /** Returns the participant's user name, to sign them in with. */
    @Transactional
    String enter(ProlificLink link) {
        RedTeamCampaign campaign = campaigns.findById(link.campaignId())
                .filter(c -> c.settings().open())
                .orElseThrow(() -> new RedTeamException(
                        "This study link is not valid: the study does not exist or is closed."));
        UserAccount worker = users.findOrCreateExternalWorker(link.username());
        campaigns.recordProlificIds(campaign.id(), worker.id(), link.prolificPid(), link.studyId(), link.sessionId());
        return worker.username();
    }
}
