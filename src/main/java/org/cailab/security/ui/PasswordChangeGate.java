package org.cailab.security.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.cailab.security.UserService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Sends a user whose password someone else chose (the generated first admin password, an admin's reset) to their
 * account page, whatever page they open, until they have chosen their own.
 */
@Component
class PasswordChangeGate implements VaadinServiceInitListener {

    private final UserService users;

    PasswordChangeGate(UserService users) {
        this.users = users;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null
                || auth instanceof AnonymousAuthenticationToken
                || !auth.isAuthenticated()
                || event.getNavigationTarget() == AccountView.class
                || event.getNavigationTarget() == LoginView.class) {
            return;
        }
        if (users.currentUser().mustChangePassword()) {
            event.forwardTo(AccountView.class);
        }
    }
}
