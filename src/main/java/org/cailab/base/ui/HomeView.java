package org.cailab.base.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** Landing page after sign-in: says who you are and where to go. */
@Route("")
@PageTitle("Home | Constitutional AI Lab")
@Menu(title = "Home", order = 0)
@PermitAll
class HomeView extends VerticalLayout {

    HomeView(AuthenticationContext authentication) {
        String name = authentication.getPrincipalName().orElse("");
        add(new H1("Welcome, " + name));
        add(new Paragraph("Constitutional AI Lab trains and evaluates assistants with the method of "
                + "\"Constitutional AI: Harmlessness from AI Feedback\". Pick a page on the left; "
                + "you see the pages your role may open."));
    }
}
