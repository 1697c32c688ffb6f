/**
 * Crowdworker comparisons: researchers run campaigns; workers hold live conversations in which two anonymous
 * models answer every message side by side and the worker picks the better answer, which then continues the
 * conversation (Bai et al. 2022, section 2). The votes are the preference labels behind the Elo ratings.
 * Public API: {@link org.cailab.comparison.CampaignService} (campaigns and gold items),
 * {@link org.cailab.comparison.ComparisonService} (the worker's conversation, votes, and the read API for ratings),
 * {@link org.cailab.comparison.WorkerQualityService} (admins) and the event {@link org.cailab.comparison.VoteRecorded}.
 */
@NullMarked
package org.cailab.comparison;

import org.jspecify.annotations.NullMarked;
