package org.cailab.redteam;

import org.jspecify.annotations.Nullable;

/** A red-team campaign as a worker sees it: never the models. */
public record WorkerRedTeamCampaign(
        long id,
        String name,
        String instructions,
        int turnLimit,
        @Nullable Integer quota,
        boolean askTaskHarm,
        boolean open) {}
