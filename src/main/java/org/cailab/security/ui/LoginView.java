package org.cailab.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** The sign-in page; Spring Security handles the POST to {@code /login} and redirects back with {@code ?error}. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in | Constitutional AI Lab")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView() {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        // the same words for a wrong password, an unknown name and a name locked after failed attempts
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getErrorMessage()
                .setMessage("Check the user name and password and try again. After several failed "
                        + "attempts, sign-in is paused for a while: wait a few minutes before the next try.");
        login.setI18n(i18n);
        add(new H1("Constitutional AI Lab"), login, new Paragraph("Accounts are created by an administrator."));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
