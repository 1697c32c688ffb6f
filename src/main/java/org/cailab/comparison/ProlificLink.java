package org.cailab.comparison;

import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The parameters of a Prolific study link ({@code /p/{campaignId}?PROLIFIC_PID=..&STUDY_ID=..&SESSION_ID=..}),
 * checked strictly: Prolific ids are 24 letters or digits (hex in practice); study and session ids letters and
 * digits. Anything else, such as an unreplaced {@code {{%PROLIFIC_PID%}}} placeholder, is refused. Public so that
 * red-team study links ({@code /p/redteam/{campaignId}}) check their parameters the same way.
 */
public record ProlificLink(long campaignId, String prolificPid, String studyId, String sessionId) {

    private static final Pattern PID = Pattern.compile("[A-Za-z0-9]{24}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final Pattern CAMPAIGN = Pattern.compile("[1-9][0-9]{0,17}");

    public static ProlificLink parse(@Nullable String campaignId, @Nullable String prolificPid, @Nullable String studyId,
                              @Nullable String sessionId) {
        if (campaignId == null || !CAMPAIGN.matcher(campaignId).matches()) {
            throw new ComparisonException("This study link is not valid: the campaign number is missing or wrong.");
        }
        if (prolificPid == null || !PID.matcher(prolificPid).matches()) {
            throw new ComparisonException("This study link is not valid: PROLIFIC_PID must be your 24-character "
                    + "Prolific ID.");
        }
        if (studyId == null || !ID.matcher(studyId).matches()) {
            throw new ComparisonException("This study link is not valid: STUDY_ID is missing or wrong.");
        }
        if (sessionId == null || !ID.matcher(sessionId).matches()) {
            throw new ComparisonException("This study link is not valid: SESSION_ID is missing or wrong.");
        }
        return new ProlificLink(Long.parseLong(campaignId), prolificPid, studyId, sessionId);
    }

    /** The worker account of this participant: one per Prolific id, whatever the campaign. */
    public String username() {
        return "prolific-" + prolificPid.toLowerCase(Locale.ROOT);
    }
}
