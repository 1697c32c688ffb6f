package org.cailab.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Landing page after sign-in: the sections that start the signed-in user's work (see {@link HomeSection}). */
@Route("")
@PageTitle("Home | Constitutional AI Lab")
@Menu(title = "Home", order = 0)
@PermitAll
class HomeView extends VerticalLayout {

    HomeView(AuthenticationContext authentication, List<HomeSection> sections) {
        String name = authentication.getPrincipalName().orElse("");
        setId("home");
        add(new H1("Welcome, " + name));
        List<Component> parts = sections.stream()
                .sorted(Comparator.comparingInt(HomeSection::order))
                .map(HomeSection::content)
                .flatMap(Optional::stream)
                .toList();
        if (parts.isEmpty()) {
            add(new Paragraph("Constitutional AI Lab trains and evaluates assistants with the method of "
                    + "\"Constitutional AI: Harmlessness from AI Feedback\". Pick a page on the left; "
                    + "you see the pages your role may open."));
        }
        parts.forEach(this::add);
    }
}
