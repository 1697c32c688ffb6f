package org.cailab.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown for unknown addresses and, deliberately the same, for pages the user may not open: Vaadin reports a
 * denied view as "not found" so that the existence of admin pages is not revealed.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    NotFoundView() {
        setId("not-found");
        add(new H1("Page not available"));
        add(new Paragraph("This page does not exist, or your role may not open it."));
        add(new Anchor("", "Go to the home page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
