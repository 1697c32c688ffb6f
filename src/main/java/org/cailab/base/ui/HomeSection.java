package org.cailab.base.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A part of the home page that a feature contributes, so that each role's home page starts its work: open campaigns
 * for a worker, the pipeline's steps and recent runs for a researcher, what needs attention for an admin. Features
 * declare implementations as Spring beans in their {@code ui} package; the home page shows every section that has
 * content for the signed-in user, by {@link #order()}.
 */
public interface HomeSection {

    /** Position on the home page, lower first. */
    int order();

    /** This section for the signed-in user, or empty when it has nothing for them (their role, nothing to show). */
    Optional<Component> content();
}
