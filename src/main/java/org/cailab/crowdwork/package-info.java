/**
 * Crowdwork: the machinery that every crowdworker task type shares, so that a task (comparison, red teaming, the
 * next one) is a thin feature on top.
 * <ul>
 *   <li>Campaigns: the settings every campaign has ({@link org.cailab.crowdwork.CampaignBasics}, with the model
 *       {@link org.cailab.crowdwork.PoolSnapshot}s and the completion code; a task's settings add their own part and
 *       implement {@link org.cailab.crowdwork.CampaignSettingsParts}), their checks ({@link
 *       org.cailab.crowdwork.CampaignChecks}), and their tables ({@link org.cailab.crowdwork.JooqCampaignStore}:
 *       shared columns, pool, participants, open lock), seen by services as {@link
 *       org.cailab.crowdwork.CampaignParticipations}.</li>
 *   <li>Study links: {@link org.cailab.crowdwork.CampaignStudyLinks} makes a task's campaigns targets of the one
 *       study-link entry in {@code security}.</li>
 *   <li>Live generation to a worker's page ({@link org.cailab.crowdwork.LiveGeneration}, one {@link
 *       org.cailab.crowdwork.LiveChannel} per task type) with its settings ({@link
 *       org.cailab.crowdwork.CrowdworkProperties}, {@code cailab.crowdwork.*}).</li>
 *   <li>The researcher's campaign widgets in {@code crowdwork.ui} (named interface {@code ui}); the worker-page
 *       widgets are in {@code base.ui}.</li>
 * </ul>
 */
@ApplicationModule(displayName = "Crowdwork")
@NullMarked
package org.cailab.crowdwork;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
