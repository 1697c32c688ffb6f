package org.cailab.comparison;

import org.jspecify.annotations.Nullable;

/** A campaign as a worker sees it: never the models. */
public record WorkerCampaign(
        long id,
        String name,
        ComparisonTask task,
        String instructions,
        int turnLimit,
        boolean allowTie,
        boolean allowBothBad,
        @Nullable Integer strengthLevels,
        @Nullable Integer quota,
        boolean open) {}
