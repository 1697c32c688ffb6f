package org.cailab.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.cailab.security.ApiKey;
import org.cailab.security.ApiKeyException;
import org.cailab.security.ApiKeyScope;
import org.cailab.security.ApiKeyService;
import org.cailab.security.CreatedApiKey;
import org.cailab.security.Role;

/**
 * Researchers create API keys for their scripts ({@code GET /api/ratings}); a new key is shown once, then only its
 * first characters. Revoking takes effect on the next request. Admins see everybody's keys.
 */
@Route("api-keys")
@PageTitle("API keys | Constitutional AI Lab")
@Menu(title = "API keys", order = 810)
@RolesAllowed({Role.RESEARCHER_ROLE, Role.ADMIN_ROLE})
class ApiKeysView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ApiKeyService keys;
    private final Grid<ApiKey> grid = new Grid<>();
    private final TextField name = new TextField("Key name");
    private final CheckboxGroup<ApiKeyScope> scopes = new CheckboxGroup<>("The key may");
    private final DatePicker expires = new DatePicker("Expires on");
    private final VerticalLayout created = new VerticalLayout();

    ApiKeysView(ApiKeyService keys) {
        this.keys = keys;
        setWidthFull();
        name.setPlaceholder("e.g. nightly ratings export");
        name.setMaxLength(100);
        Button create = new Button("Create key", e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        scopes.setItems(ApiKeyScope.values());
        scopes.setItemLabelGenerator(ApiKeyScope::label);
        scopes.setValue(java.util.EnumSet.of(ApiKeyScope.READ_RATINGS));
        scopes.setId("api-key-scopes");
        expires.setHelperText("Optional: the key stops working at the start of this day");
        expires.setMin(java.time.LocalDate.now().plusDays(1));
        expires.setClearButtonVisible(true);
        HorizontalLayout form = new HorizontalLayout(name, scopes, expires, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        created.setPadding(false);
        created.setVisible(false);
        grid.setId("api-key-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(ApiKey::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(ApiKey::owner).setHeader("Owner").setAutoWidth(true);
        grid.addColumn(k -> k.prefix() + "...").setHeader("Key").setAutoWidth(true);
        grid.addColumn(k -> time(k.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(k -> time(k.lastUsedAt())).setHeader("Last used").setAutoWidth(true);
        grid.addColumn(k -> k.scopes().stream()
                        .sorted()
                        .map(ApiKeyScope::label)
                        .collect(java.util.stream.Collectors.joining(", ")))
                .setHeader("May")
                .setFlexGrow(2);
        grid.addColumn(k -> k.expiresAt() == null ? "never" : time(k.expiresAt()))
                .setHeader("Expires")
                .setAutoWidth(true);
        grid.addColumn(KeyStatus::of).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setHeader("").setAutoWidth(true);
        add(
                new H2("API keys"),
                new Paragraph("Scripts read the ratings as JSON from /api/ratings?task=helpfulness "
                        + "(or harmlessness; optional method=bt|elo, bootstrap=N, anchor=NAME), sending a key in the header "
                        + "\"Authorization: Bearer <key>\" or \"X-API-Key: <key>\". A key acts with your role; only its hash is "
                        + "stored. Choose what each key may do and, if you like, when it expires."),
                form,
                created,
                grid);
        refresh();
    }

    private void create() {
        try {
            OffsetDateTime expiry = expires.getValue() == null
                    ? null
                    : expires.getValue()
                            .atStartOfDay(java.time.ZoneId.systemDefault())
                            .toOffsetDateTime();
            CreatedApiKey key = keys.create(name.getValue(), scopes.getValue(), expiry);
            name.clear();
            expires.clear();
            TextField secret = new TextField("Your new key \"" + key.key().name() + "\"");
            secret.setId("new-api-key");
            secret.setValue(key.secret());
            secret.setReadOnly(true);
            secret.setWidth("36em");
            Span warning = new Span("Copy it now: it is not stored and will not be shown again.");
            warning.addClassName("cailab-problem");
            created.removeAll();
            created.add(secret, warning);
            created.setVisible(true);
            refresh();
        } catch (ApiKeyException e) {
            Notification.show(e.getMessage());
        }
    }

    private Button revokeButton(ApiKey key) {
        Button revoke = new Button("Revoke", e -> {
            keys.revoke(key.id());
            refresh();
        });
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        revoke.setAriaLabel("Revoke " + key.name());
        revoke.setEnabled(key.active());
        return revoke;
    }

    private void refresh() {
        grid.setItems(keys.keys());
    }

    /** Why a key works or not, in words. */
    private static final class KeyStatus {
        static String of(ApiKey key) {
            if (key.revokedAt() != null) {
                return "revoked " + time(key.revokedAt());
            }
            return key.active() ? "active" : "expired";
        }
    }

    static String time(OffsetDateTime time) {
        return time == null ? "" : TIME.format(time.atZoneSameInstant(java.time.ZoneId.systemDefault()));
    }
}
