/**
 * The researcher's campaign widgets every task type shares: the settings fields of {@link
 * org.cailab.crowdwork.CampaignBasics}, the create/edit dialog and the controls of a campaign list (state badge,
 * open/close, study link). Open to the task types' views as the named interface {@code ui}; the worker-page widgets
 * are in {@code base.ui}.
 */
@NamedInterface("ui")
@NullMarked
package org.cailab.crowdwork.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
