package org.cailab.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;

/**
 * A study link as researchers need it: the full address (the configured public base URL, or the address their browser
 * uses) in a read-only field, with a button that copies it for the recruitment platform's study page.
 */
public class StudyLinkField extends HorizontalLayout {

    private final TextField field = new TextField();

    /**
     * @param path          the link's path and query, from the server's root ({@code /p/...})
     * @param publicBaseUrl the configured base address, or null to use the browser's
     */
    public StudyLinkField(String label, String path, @Nullable String publicBaseUrl, String id) {
        field.setLabel(label);
        field.setReadOnly(true);
        field.setWidth("46em");
        field.setId(id);
        if (publicBaseUrl != null) {
            field.setValue(publicBaseUrl + path);
        } else {
            field.setValue(path);
            field.getElement()
                    .executeJs("return window.location.origin")
                    .then(String.class, origin -> field.setValue(origin + path));
        }
        Button copy = new Button("Copy link", e -> {
            field.getElement()
                    .executeJs(
                            "return navigator.clipboard.writeText($0).then(() => true, () => false)", field.getValue())
                    .then(
                            Boolean.class,
                            copied -> Notification.show(
                                            Boolean.TRUE.equals(copied)
                                                    ? "Study link copied."
                                                    : "Could not copy: select the link and copy it by hand.",
                                            3000,
                                            Notification.Position.BOTTOM_START)
                                    .addThemeVariants(
                                            Boolean.TRUE.equals(copied)
                                                    ? NotificationVariant.LUMO_SUCCESS
                                                    : NotificationVariant.LUMO_WARNING));
        });
        copy.setId(id + "-copy");
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL);
        setAlignItems(Alignment.BASELINE);
        add(field, copy);
    }

    public String value() {
        return field.getValue();
    }
}
