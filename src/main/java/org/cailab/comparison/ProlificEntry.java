package org.cailab.comparison;

import org.cailab.security.UserAccount;
import org.cailab.security.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets a Prolific participant in: finds or creates their worker account and records their study ids with the
 * campaign. Anonymous by design (the participant has no password); only open campaigns accept participants.
 */
@Service
class ProlificEntry {

    private final CampaignRepository campaigns;
    private final UserService users;

    ProlificEntry(CampaignRepository campaigns, UserService users) {
        this.campaigns = campaigns;
        this.users = users;
    }

    /** Returns the participant's user name, to sign them in with. */
    @Transactional
    String enter(ProlificLink link) {
        Campaign campaign = campaigns.findById(link.campaignId())
                .filter(c -> c.settings().open())
                .orElseThrow(() -> new ComparisonException(
                        "This study link is not valid: the study does not exist or is closed."));
        UserAccount worker = users.findOrCreateExternalWorker(link.username());
        campaigns.recordProlificIds(campaign.id(), worker.id(), link.prolificPid(), link.studyId(), link.sessionId());
        return worker.username();
    }
}
