package org.cailab.security;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of a Prolific study link
 * ({@code /p/[segment/]{campaignId}?key=..&PROLIFIC_PID=..&STUDY_ID=..&SESSION_ID=..}), checked strictly: the campaign's
 * token ({@code key}, checked against the server's secret by the entry), Prolific ids of 24 letters or digits (hex
 * in practice), study and session ids of letters and digits. Anything else, such as an unreplaced
 * {@code {{%PROLIFIC_PID%}}} placeholder, is refused. Every kind of campaign ({@link StudyCampaigns})
 * checks its links the same way; a refusal is an {@link IllegalArgumentException} whose message is shown.
 */
public record StudyLink(long campaignId, String key, String prolificPid, String studyId, String sessionId) {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern PID = Pattern.compile("[A-Za-z0-9]{24}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final Pattern CAMPAIGN = Pattern.compile("[1-9][0-9]{0,17}");

    public static StudyLink parse(
            @Nullable String campaignId,
            @Nullable String key,
            @Nullable String prolificPid,
            @Nullable String studyId,
            @Nullable String sessionId) {
        if (campaignId == null || !CAMPAIGN.matcher(campaignId).matches()) {
            throw new IllegalArgumentException(
                    "This study link is not valid: the campaign number is missing or wrong.");
        }
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("This study link is not valid: its key is missing. Please use the link "
                    + "exactly as given in the study.");
        }
        if (prolificPid == null || !PID.matcher(prolificPid).matches()) {
            throw new IllegalArgumentException(
                    "This study link is not valid: PROLIFIC_PID must be your 24-character " + "Prolific ID.");
        }
        if (studyId == null || !ID.matcher(studyId).matches()) {
            throw new IllegalArgumentException("This study link is not valid: STUDY_ID is missing or wrong.");
        }
        if (sessionId == null || !ID.matcher(sessionId).matches()) {
            throw new IllegalArgumentException("This study link is not valid: SESSION_ID is missing or wrong.");
        }
        return new StudyLink(Long.parseLong(campaignId), key, prolificPid, studyId, sessionId);
    }

    /**
     * The worker account of this participant: one per Prolific id, whatever the campaign. Ids are case-sensitive
     * but user names are unique regardless of case, so an id with capital letters gets a suffix that records where
     * they are ({@code prolific-<id in lower case>-<bit mask of the capitals in hex>}): two ids that differ only in
     * case never share an account, and the usual lower-case ids keep the plain name.
     */
    public String username() {
        int capitals = 0;
        for (int i = 0; i < prolificPid.length(); i++) {
            if (Character.isUpperCase(prolificPid.charAt(i))) {
                capitals |= 1 << i;
            }
        }
        String lower = prolificPid.toLowerCase(java.util.Locale.ROOT);
        return capitals == 0 ? "prolific-" + lower : "prolific-" + lower + "-" + Integer.toHexString(capitals);
    }
}
