package org.cailab.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.cailab.security.Role;
import org.cailab.security.UserAccount;
import org.cailab.security.UserService;
import org.cailab.security.UserValidationException;

import java.time.format.DateTimeFormatter;

/** Admin page: every account with its role and status, a form to create users, password resets. */
@Route("admin/users")
@PageTitle("Users | Constitutional AI Lab")
@Menu(title = "Users", order = 800)
@RolesAllowed(Role.ADMIN_ROLE)
class UsersView extends VerticalLayout {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final UserService users;
    private final Grid<UserAccount> grid = new Grid<>();

    UsersView(UserService users) {
        this.users = users;
        setSizeFull();
        grid.setId("user-grid");
        grid.addColumn(UserAccount::username).setHeader("User name").setSortable(true).setFlexGrow(2);
        grid.addComponentColumn(this::roleSelect).setHeader("Role").setFlexGrow(1);
        grid.addComponentColumn(this::enabledBox).setHeader("Enabled").setFlexGrow(0).setAutoWidth(true);
        grid.addColumn(u -> CREATED.format(u.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addComponentColumn(this::resetButton).setHeader("Password").setAutoWidth(true);
        add(new H2("Users"), new NewUserForm(users, this::created), grid);
        refresh();
    }

    private void created(UserAccount account) {
        refresh();
        success("Created user " + account.username() + " (" + account.role().label() + ").");
    }

    private Select<Role> roleSelect(UserAccount account) {
        Select<Role> select = new Select<>();
        select.setItems(Role.values());
        select.setItemLabelGenerator(Role::label);
        select.setValue(account.role());
        select.setAriaLabel("Role of " + account.username());
        select.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                save(account, e.getValue(), account.enabled());
            }
        });
        return select;
    }

    private Checkbox enabledBox(UserAccount account) {
        Checkbox box = new Checkbox(account.enabled());
        box.setAriaLabel("Enabled: " + account.username());
        box.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                save(account, account.role(), e.getValue());
            }
        });
        return box;
    }

    private Button resetButton(UserAccount account) {
        Button reset = new Button("Reset", e -> new ResetPasswordDialog(users, account).open());
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        reset.setAriaLabel("Reset password of " + account.username());
        return reset;
    }

    private void save(UserAccount account, Role role, boolean enabled) {
        try {
            UserAccount saved = users.update(account, role, enabled);
            success("Saved " + saved.username() + ": " + saved.role().label() + (saved.enabled() ? "" : ", disabled") + ".");
        } catch (UserValidationException ex) {
            Notification.show(ex.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(users.findAll());
    }

    private static void success(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
