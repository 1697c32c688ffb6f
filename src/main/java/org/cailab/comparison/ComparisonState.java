package org.cailab.comparison;

import org.jspecify.annotations.Nullable;

/**
 * What the worker's page shows.
 *
 * @param conversation   null when the worker cannot continue (quota met or campaign closed)
 * @param guidelinesSeen false on the first visit: show the guidelines
 * @param completionCode present only once the quota is met
 */
public record ComparisonState(
        WorkerCampaign campaign,
        @Nullable WorkerConversation conversation,
        int votesDone,
        boolean guidelinesSeen,
        @Nullable String completionCode) {

    public boolean quotaReached() {
        return campaign.quota() != null && votesDone >= campaign.quota();
    }
}
