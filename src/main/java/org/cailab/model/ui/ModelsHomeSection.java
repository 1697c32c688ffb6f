package org.cailab.model.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Optional;
import org.cailab.base.ui.HomeSection;
import org.cailab.model.DemoModelStatus;
import org.cailab.model.DemoModels;
import org.cailab.security.Role;

/** An admin's and researcher's home: the demo models while they are still being trained, or why they failed. */
@org.springframework.stereotype.Component
class ModelsHomeSection implements HomeSection {

    private final AuthenticationContext authentication;
    private final DemoModels demoModels;

    ModelsHomeSection(AuthenticationContext authentication, DemoModels demoModels) {
        this.authentication = authentication;
        this.demoModels = demoModels;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Optional<Component> content() {
        if (!authentication.hasRole(Role.RESEARCHER_ROLE)) {
            return Optional.empty();
        }
        DemoModelStatus status = demoModels.status();
        return switch (status.state()) {
            case WAITING, RUNNING -> {
                ProgressBar bar = new ProgressBar(0, 1, status.fraction());
                bar.setWidth("24em");
                Div section = new Div(
                        new H2("Demo models are being trained"),
                        bar,
                        new Paragraph(
                                "Step " + status.step() + " of " + status.totalSteps() + ". Runs and campaigns on "
                                        + "the demo snapshots can start once they are registered; follow it on "),
                        new Anchor("models", "Models"));
                section.setId("home-models");
                yield Optional.of(section);
            }
            case FAILED -> {
                Div section = new Div(
                        new H2("Needs attention: demo model training failed"),
                        new Paragraph(status.message()),
                        new Anchor("models", "Models"));
                section.setId("home-models");
                yield Optional.of(section);
            }
            case DISABLED, DONE -> Optional.empty();
        };
    }
}
