package org.cailab.comparison;

import org.jspecify.annotations.Nullable;

/** An open campaign in a worker's list, with the worker's progress. */
public record OpenCampaign(
        long id,
        String name,
        ComparisonTask task,
        int votesDone,
        @Nullable Integer quota) {}
