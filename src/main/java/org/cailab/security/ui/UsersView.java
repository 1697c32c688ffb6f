package org.cailab.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import org.cailab.security.Role;
import org.cailab.security.UserAccount;
import org.cailab.security.UserQuery;
import org.cailab.security.UserService;
import org.cailab.security.UserValidationException;

/**
 * Admin page: accounts with their role and status, searchable by name and filtered by role and kind (team accounts
 * apart from study participants, who would otherwise bury them), loaded page by page; a form to create users;
 * password resets.
 */
@Route("admin/users")
@PageTitle("Users | Constitutional AI Lab")
@Menu(title = "Users", order = 800)
@RolesAllowed(Role.ADMIN_ROLE)
class UsersView extends VerticalLayout {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final UserService users;
    private final Grid<UserAccount> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Select<Role> roleFilter = new Select<>();
    private final Select<UserQuery.Accounts> accountsFilter = new Select<>();
    private final Span matching = new Span();

    UsersView(UserService users) {
        this.users = users;
        setSizeFull();
        grid.setId("user-grid");
        grid.setPageSize(50);
        grid.addColumn(UserAccount::username)
                .setHeader("User name")
                .setSortable(true)
                .setFlexGrow(2);
        grid.addComponentColumn(this::roleSelect).setHeader("Role").setFlexGrow(1);
        grid.addComponentColumn(this::enabledBox)
                .setHeader("Enabled")
                .setFlexGrow(0)
                .setAutoWidth(true);
        grid.addColumn(u -> CREATED.format(u.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addComponentColumn(this::resetButton).setHeader("Password").setAutoWidth(true);
        add(new H2("Users"), new NewUserForm(users, this::created), filters(), grid);
        refresh();
    }

    private HorizontalLayout filters() {
        search.setPlaceholder("Search by name");
        search.setId("user-search");
        search.setAriaLabel("Search users by name");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        roleFilter.setId("user-role-filter");
        roleFilter.setLabel("Role");
        roleFilter.setItems(Role.values());
        roleFilter.setItemLabelGenerator(r -> r == null ? "All roles" : r.label());
        roleFilter.setEmptySelectionAllowed(true);
        roleFilter.setEmptySelectionCaption("All roles");
        roleFilter.addValueChangeListener(e -> refresh());
        accountsFilter.setId("user-accounts-filter");
        accountsFilter.setLabel("Accounts");
        accountsFilter.setItems(UserQuery.Accounts.values());
        accountsFilter.setItemLabelGenerator(UserQuery.Accounts::label);
        accountsFilter.setValue(UserQuery.Accounts.STAFF);
        accountsFilter.addValueChangeListener(e -> refresh());
        matching.setId("user-count");
        HorizontalLayout row = new HorizontalLayout(search, roleFilter, accountsFilter, matching);
        row.setAlignItems(Alignment.BASELINE);
        return row;
    }

    private UserQuery query() {
        return new UserQuery(search.getValue(), roleFilter.getValue(), accountsFilter.getValue());
    }

    private void created(UserAccount account) {
        refresh();
        success("Created user " + account.username() + " (" + account.role().label() + ").");
    }

    private Select<Role> roleSelect(UserAccount account) {
        Select<Role> select = new Select<>();
        select.setItems(Role.values());
        select.addClassName("cailab-inline");
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
            success("Saved " + saved.username() + ": " + saved.role().label() + (saved.enabled() ? "" : ", disabled")
                    + ".");
        } catch (UserValidationException ex) {
            Notification.show(ex.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void refresh() {
        UserQuery query = query();
        int total = users.count(query);
        matching.setText(total + (total == 1 ? " account" : " accounts"));
        grid.setItems(q -> users.find(query, q.getOffset(), q.getLimit()).stream(), q -> users.count(query));
    }

    private static void success(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
