package org.cailab.dashboard.ui;

import com.vaadin.flow.component.Component;

/**
 * One panel of the dashboard page: a chart or a table with a title. A new panel is a small class implementing this,
 * annotated {@code @Component @Scope("prototype") @Order(n)} (the page gets fresh instances and shows them in that
 * order); it may take any service in its constructor. The page calls {@link #refresh} when it opens, when the
 * settings change and when new votes arrive, always with the UI locked.
 */
public interface DashboardPanel {

    /** The heading above the panel. */
    String title();

    /** A stable id for the panel's section, e.g. {@code pareto}. */
    String id();

    /** What the panel shows; created once, updated by {@link #refresh}. */
    Component content();

    /**
     * Shows the current numbers. Exceptions with a message for the user ({@link IllegalArgumentException}, for
     * example an anchor snapshot without votes) are shown in place of the panel by the page.
     */
    void refresh(DashboardData data);
}
