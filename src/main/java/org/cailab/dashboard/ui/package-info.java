/**
 * Views of the dashboards: one page of panels ({@link org.cailab.dashboard.ui.DashboardPanel}) that update live as
 * votes arrive, and the page where researchers manage their API keys.
 */
@NullMarked
package org.cailab.dashboard.ui;

import org.jspecify.annotations.NullMarked;
