package org.cailab.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What a session that entered by a study link may open. Such a session holds the authority {@value #PARTICIPANT}
 * and one authority per campaign it entered by a valid link in this session; services of campaign features ask
 * {@link #mayOpen} before showing or changing anything of a campaign. Other sessions (workers with a password,
 * researchers, admins) are not limited by this.
 */
public final class StudyAccess {

    /** Held by every session signed in by a study link. */
    public static final String PARTICIPANT = "STUDY_PARTICIPANT";

    private StudyAccess() {}

    /** The authority that lets a participant's session open one campaign of one feature ("comparison", "redteam"). */
    public static String campaignAuthority(String kind, long campaignId) {
        return "STUDY_" + kind + "_" + campaignId;
    }

    /** Whether the current session may open the campaign: always, unless it is a study participant's session. */
    public static boolean mayOpen(String kind, long campaignId) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !isParticipant(auth)) {
            return true;
        }
        String wanted = campaignAuthority(kind, campaignId);
        return auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(wanted::equals);
    }

    static boolean isParticipant(Authentication auth) {
        return auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(PARTICIPANT::equals);
    }
}
