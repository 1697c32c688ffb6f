package org.cailab.redteam;

import org.jspecify.annotations.Nullable;

/**
 * What the worker's page shows.
 *
 * @param attempt        the attempt in progress; null when the worker has none (they describe a new task next) or
 *                       the campaign is closed or done
 * @param attemptsDone   the worker's rated attempts in this campaign
 * @param completionCode set once the worker met the quota
 */
public record RedTeamState(
        WorkerRedTeamCampaign campaign,
        @Nullable WorkerAttempt attempt,
        int attemptsDone,
        boolean guidelinesSeen,
        @Nullable String completionCode) {

    /** Whether the worker may start a new attempt now. */
    public boolean canStart() {
        return attempt == null && completionCode == null && campaign.open();
    }
}
