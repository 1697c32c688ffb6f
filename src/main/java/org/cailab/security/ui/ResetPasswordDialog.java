package org.cailab.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.PasswordField;
import org.cailab.security.UserAccount;
import org.cailab.security.UserService;
import org.cailab.security.UserValidationException;

/** Lets an admin set a new password for a user who forgot theirs. */
class ResetPasswordDialog extends Dialog {

    ResetPasswordDialog(UserService users, UserAccount account) {
        setHeaderTitle("New password for " + account.username());
        PasswordField password = new PasswordField("New password");
        password.setWidthFull();
        add(password);
        Button save = new Button("Set password", e -> {
            try {
                users.resetPassword(account.id(), password.getValue());
                Notification.show("Password of " + account.username() + " changed.");
                close();
            } catch (UserValidationException ex) {
                password.setErrorMessage(ex.getMessage());
                password.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
