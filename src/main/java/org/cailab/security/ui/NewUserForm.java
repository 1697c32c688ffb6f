package org.cailab.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import org.cailab.security.NewUser;
import org.cailab.security.Role;
import org.cailab.security.UserAccount;
import org.cailab.security.UserService;
import org.cailab.security.UserValidationException;

/** The row of fields above the users grid that creates an account. */
class NewUserForm extends HorizontalLayout {

    NewUserForm(UserService users, Consumer<UserAccount> onCreated) {
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        TextField username = new TextField("New user name");
        PasswordField password = new PasswordField("Initial password");
        Select<Role> role = new Select<>();
        role.setLabel("Role");
        role.setId("new-user-role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::label);
        role.setValue(Role.WORKER);
        Span error = new Span();
        error.addClassName("cailab-error");
        error.setId("new-user-error");
        Button create = new Button("Create user", e -> {
            try {
                UserAccount account =
                        users.create(new NewUser(username.getValue(), password.getValue(), role.getValue()));
                username.clear();
                password.clear();
                role.setValue(Role.WORKER);
                error.setText("");
                onCreated.accept(account);
            } catch (UserValidationException ex) {
                error.setText(ex.getMessage());
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(username, password, role, create, error);
    }
}
