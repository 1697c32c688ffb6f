/**
 * Red teaming (Bai et al. 2022, section 4.5 "absolute harmfulness score", after Ganguli et al. 2022): a worker describes a harmful task, talks with
 * one anonymous model trying to make it do that task, and rates their own success from 0 (not at all) to 4 (fully).
 * Researchers run campaigns, import and export the public hh-rlhf red-team attempts, and read per-snapshot aggregates.
 * Public API: {@link org.cailab.redteam.RedTeamCampaignService} (campaigns), {@link org.cailab.redteam.RedTeamService}
 * (the worker's attempt), {@link org.cailab.redteam.RedTeamDataService} (import and export),
 * {@link org.cailab.redteam.RedTeamStatsService} (aggregates for the dashboards) and the events
 * {@link org.cailab.redteam.AttemptRated} and {@link org.cailab.redteam.AttemptsImported}.
 */
@NullMarked
package org.cailab.redteam;

import org.jspecify.annotations.NullMarked;
