package org.cailab.redteam;

import org.cailab.comparison.ProlificLink;
import org.cailab.security.StudyLinkKey;
import org.cailab.security.StudyLinkRefusedException;
import org.cailab.security.StudyLinkRefusedException.Reason;
import org.cailab.security.UserAccount;
import org.cailab.security.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets a Prolific participant into a red-team campaign (the same worker account as for comparison studies): checks the campaign's key, finds or creates their worker account and records
 * their study ids with the campaign. Anonymous by design (the participant has no password), so the key is what
 * keeps strangers out, and a participant who entered before must come back with the same Prolific session id:
 * knowing someone's Prolific id alone does not make anyone that participant. Only open campaigns accept
 * participants.
 */
@Service
class RedTeamProlificEntry {

    /** The feature's name in study-link keys and session authorities. */
    static final String KIND = "redteam";

    private final RedTeamCampaignRepository campaigns;
    private final UserService users;
    private final StudyLinkKey keys;

    RedTeamProlificEntry(RedTeamCampaignRepository campaigns, UserService users, StudyLinkKey keys) {
        this.campaigns = campaigns;
        this.users = users;
        this.keys = keys;
    }

    /** Returns the participant's user name, to sign them in with. */
    @Transactional
    String enter(ProlificLink link) {
        if (!keys.matches(KIND, link.campaignId(), link.key())) {
            throw new StudyLinkRefusedException(Reason.INVALID, "This study link is not valid. Please use the link "
                    + "exactly as given in the study.");
        }
        RedTeamCampaign campaign = campaigns.findById(link.campaignId())
                .orElseThrow(() -> new StudyLinkRefusedException(Reason.INVALID, "This study does not exist."));
        if (!campaign.settings().open()) {
            throw new StudyLinkRefusedException(Reason.CLOSED, "This study is closed: it does not take part any "
                    + "more. Thank you for your interest; please return to Prolific.");
        }
        UserAccount worker = users.findOrCreateExternalWorker(link.username());
        campaigns.lockParticipation(campaign.id(), worker.id());
        campaigns.lockProlificSession(campaign.id(), worker.id())
                .filter(session -> !session.equals(link.sessionId()))
                .ifPresent(session -> {
                    throw new StudyLinkRefusedException(Reason.OTHER_SESSION, "You took part in this study in another "
                            + "Prolific session. Please continue from Prolific with the link of that session.");
                });
        campaigns.recordProlificIds(campaign.id(), worker.id(), link.prolificPid(), link.studyId(), link.sessionId());
        return worker.username();
    }

    /** The campaign's study link for Prolific, with its key and Prolific's placeholders (for researchers). */
    String studyLink(long campaignId) {
        return "/p/redteam/" + campaignId + "?key=" + keys.token(KIND, campaignId)
                + "&PROLIFIC_PID={{%PROLIFIC_PID%}}&STUDY_ID={{%STUDY_ID%}}&SESSION_ID={{%SESSION_ID%}}";
    }
}
