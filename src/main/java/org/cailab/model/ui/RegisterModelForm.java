package org.cailab.model.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.cailab.model.ModelRegistrationException;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.NewSnapshot;
import org.cailab.model.SnapshotKind;

/** Registers a local Hugging Face model directory; the registry checks it before saving. */
class RegisterModelForm extends HorizontalLayout {

    RegisterModelForm(ModelRegistry registry, Runnable onRegistered) {
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        TextField name = new TextField("Snapshot name");
        TextField location = new TextField("Model directory");
        location.setPlaceholder("/models/Qwen2.5-0.5B-Instruct");
        location.setWidth("28em");
        Select<SnapshotKind> kind = new Select<>();
        kind.setLabel("Kind");
        kind.setItems(SnapshotKind.values());
        kind.setValue(SnapshotKind.PRETRAINED);
        Span error = new Span();
        error.addClassName("cailab-error");
        error.setId("register-model-error");
        Button register = new Button("Register", e -> {
            try {
                ModelSnapshot saved = registry.register(NewSnapshot.local(
                        name.getValue().strip(),
                        kind.getValue(),
                        location.getValue().strip()));
                error.setText("");
                name.clear();
                location.clear();
                Notification.show("Registered " + saved.name() + ".");
                onRegistered.run();
            } catch (ModelRegistrationException ex) {
                error.setText(ex.getMessage());
            }
        });
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(name, kind, location, register, error);
    }
}
