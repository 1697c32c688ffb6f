/**
 * Crowdwork: the machinery that every crowdworker task type shares, so that a task (comparison, red teaming, the
 * next one) is a thin feature on top. Today: live generation to a worker's page ({@link
 * org.cailab.crowdwork.LiveGeneration}, one {@link org.cailab.crowdwork.LiveChannel} per task type) with its
 * settings ({@link org.cailab.crowdwork.CrowdworkProperties}, {@code cailab.crowdwork.*}). Study-link entry and
 * participation live in {@code security} ({@code StudyCampaigns}), the shared page widgets in {@code base.ui}.
 */
@ApplicationModule(displayName = "Crowdwork")
@NullMarked
package org.cailab.crowdwork;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
