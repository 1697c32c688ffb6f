package org.cailab.redteam;

import org.jspecify.annotations.Nullable;

/** An open red-team campaign in a worker's list, with the worker's progress. */
public record OpenRedTeamCampaign(
        long id, String name, int attemptsDone, @Nullable Integer quota) {}
