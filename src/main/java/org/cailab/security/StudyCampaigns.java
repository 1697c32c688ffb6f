package org.cailab.security;

import java.util.Optional;

/**
 * A kind of crowdwork campaign that participants enter by a Prolific study link (comparisons, red teaming, and any
 * later task type): what the one study-link entry ({@link StudyLinkEntry}) needs to know of its campaigns. A feature
 * declares one bean; the entry finds it by {@link #linkSegment()}. Called inside the entry's transaction, so the
 * locks it takes hold until the participant's ids are recorded.
 */
public interface StudyCampaigns {

    /** The feature's name in study-link keys and session authorities, for example {@code "comparison"}. */
    String kind();

    /**
     * The path segment of this kind's links: {@code /p/{segment}/{campaignId}}, or {@code /p/{campaignId}} when empty
     * (comparison links, kept as they were first published).
     */
    String linkSegment();

    /** The page a participant is sent to after entering, for example {@code /compare/12}. */
    String pageRoute(long campaignId);

    /** Whether the campaign takes participants; empty when there is no such campaign. */
    Optional<Boolean> isOpen(long campaignId);

    /** The campaigns' participation rows (the feature's campaign repository). */
    StudyParticipations<?> participations();

    /** Locks (creating if needed) the worker's participation row, so that two entries of one worker serialise. */
    default void lockParticipation(long campaignId, long workerId) {
        participations().lockParticipation(campaignId, workerId);
    }

    /** The Prolific session the worker first entered with, locked; empty on the first entry. */
    default Optional<String> lockProlificSession(long campaignId, long workerId) {
        return participations().lockProlificSession(campaignId, workerId);
    }

    /** Records the participant's Prolific ids with the campaign. */
    default void recordProlificIds(
            long campaignId, long workerId, String prolificPid, String studyId, String sessionId) {
        participations().recordProlificIds(campaignId, workerId, prolificPid, studyId, sessionId);
    }
}
