package org.cailab.security;

import java.util.List;
import java.util.Optional;
import org.cailab.security.StudyLinkRefusedException.Reason;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets a Prolific participant into a campaign of any kind ({@link StudyCampaigns}): checks the campaign's key, finds
 * or creates their worker account and records their study ids with the campaign. Anonymous by design (the
 * participant has no password), so the key is what keeps strangers out, and a participant who entered before must
 * come back with the same Prolific session id: knowing someone's Prolific id alone does not make anyone that
 * participant. Only open campaigns accept participants. One worker account per Prolific id, whatever the campaign
 * or its kind.
 */
@Service
public class StudyLinkEntry {

    private final List<StudyCampaigns> kinds;
    private final UserService users;
    private final StudyLinkKey keys;

    StudyLinkEntry(List<StudyCampaigns> kinds, UserService users, StudyLinkKey keys) {
        this.kinds = List.copyOf(kinds);
        this.users = users;
        this.keys = keys;
    }

    /** The kind whose links use {@code segment} ({@code ""} for {@code /p/{campaignId}}). */
    Optional<StudyCampaigns> bySegment(String segment) {
        return kinds.stream().filter(k -> k.linkSegment().equals(segment)).findFirst();
    }

    /** Returns the participant's user name, to sign them in with. */
    @Transactional
    String enter(StudyCampaigns campaigns, StudyLink link) {
        if (!keys.matches(campaigns.kind(), link.campaignId(), link.key())) {
            throw new StudyLinkRefusedException(
                    Reason.INVALID,
                    "This study link is not valid. Please use the link " + "exactly as given in the study.");
        }
        boolean open = campaigns
                .isOpen(link.campaignId())
                .orElseThrow(() -> new StudyLinkRefusedException(Reason.INVALID, "This study does not exist."));
        if (!open) {
            throw new StudyLinkRefusedException(
                    Reason.CLOSED,
                    "This study is closed: it does not take part any "
                            + "more. Thank you for your interest; please return to Prolific.");
        }
        UserAccount worker = users.findOrCreateExternalWorker(link.username());
        campaigns.lockParticipation(link.campaignId(), worker.id());
        campaigns
                .lockProlificSession(link.campaignId(), worker.id())
                .filter(session -> !session.equals(link.sessionId()))
                .ifPresent(session -> {
                    throw new StudyLinkRefusedException(
                            Reason.OTHER_SESSION,
                            "You took part in this study in another "
                                    + "Prolific session. Please continue from Prolific with the link of that session.");
                });
        campaigns.recordProlificIds(
                link.campaignId(), worker.id(), link.prolificPid(), link.studyId(), link.sessionId());
        return worker.username();
    }

    /**
     * The campaign's study link for Prolific, with its key and Prolific's placeholders, relative to the server (for
     * researchers; callers check the role).
     */
    public String studyLink(StudyCampaigns campaigns, long campaignId) {
        String segment = campaigns.linkSegment().isEmpty() ? "" : campaigns.linkSegment() + "/";
        return "/p/" + segment + campaignId + "?key=" + keys.token(campaigns.kind(), campaignId)
                + "&PROLIFIC_PID={{%PROLIFIC_PID%}}&STUDY_ID={{%STUDY_ID%}}&SESSION_ID={{%SESSION_ID%}}";
    }
}
