package org.cailab.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.cailab.security.UserAccount;
import org.cailab.security.UserService;
import org.cailab.security.UserValidationException;

/** Every user's own account: who they are, their role, and a password change. */
@Route("account")
@PageTitle("Account | Constitutional AI Lab")
@Menu(title = "Account", order = 900)
@PermitAll
class AccountView extends VerticalLayout {

    AccountView(UserService users) {
        UserAccount me = users.currentUser();
        add(new H2("Your account"));
        add(new Paragraph("Signed in as " + me.username() + " (" + me.role().label() + ")."));
        Paragraph mustChange = new Paragraph(
                "Your password was set by someone else. Choose your own password " + "before you continue.");
        mustChange.setId("must-change-password");
        mustChange.setVisible(me.mustChangePassword());
        add(mustChange);

        PasswordField current = new PasswordField("Current password");
        PasswordField next = new PasswordField("New password");
        PasswordField repeat = new PasswordField("Repeat new password");
        Button change = new Button("Change password", e -> {
            if (!next.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage("The two new passwords differ.");
                repeat.setInvalid(true);
                return;
            }
            repeat.setInvalid(false);
            try {
                users.changeOwnPassword(current.getValue(), next.getValue());
                current.clear();
                next.clear();
                repeat.clear();
                mustChange.setVisible(false);
                Notification.show("Password changed.", 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (UserValidationException ex) {
                Notification.show(ex.getMessage(), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(current, next, repeat);
        form.setMaxWidth("30em");
        add(new H2("Change password"), form, change);
    }
}
