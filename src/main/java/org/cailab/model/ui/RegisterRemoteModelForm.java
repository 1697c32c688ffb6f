package org.cailab.model.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import org.cailab.model.ModelRegistrationException;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.RemoteBackend;
import org.cailab.model.SnapshotKind;

/** Registers a snapshot served by OpenAI-compatible servers (vLLM, SGLang, TGI, another cailab). */
class RegisterRemoteModelForm extends Details {

    RegisterRemoteModelForm(ModelRegistry registry, Runnable onRegistered) {
        super("Register a model on OpenAI-compatible servers (vLLM, SGLang, TGI)");
        setId("register-remote");
        TextField name = new TextField("Remote snapshot name");
        Select<SnapshotKind> kind = new Select<>();
        kind.setLabel("Remote snapshot kind");
        kind.setItems(SnapshotKind.values());
        kind.setValue(SnapshotKind.PRETRAINED);
        TextArea urls = new TextArea("Server URLs");
        urls.setPlaceholder("http://gpu-1:8000/v1\nhttp://gpu-2:8000/v1");
        urls.setHelperText("One a line; the least busy one gets each request");
        urls.setWidth("24em");
        TextField served = new TextField("Served model name");
        served.setHelperText("vLLM: --served-model-name");
        TextField keyEnv = new TextField("API key variable");
        keyEnv.setPlaceholder("VLLM_API_KEY");
        keyEnv.setHelperText("The NAME of an environment variable of this app; the key is never stored");
        IntegerField concurrency = new IntegerField("Requests at once");
        concurrency.setMin(1);
        concurrency.setMax(4096);
        concurrency.setValue(16);
        concurrency.setStepButtonsVisible(true);
        IntegerField timeout = new IntegerField("Timeout (s)");
        timeout.setMin(1);
        timeout.setMax(3600);
        timeout.setValue(120);
        IntegerField retries = new IntegerField("Retries");
        retries.setMin(0);
        retries.setMax(20);
        retries.setValue(3);
        Select<RemoteBackend.Scoring> scoring = new Select<>();
        scoring.setLabel("Scoring");
        scoring.setItems(RemoteBackend.Scoring.values());
        scoring.setItemLabelGenerator(RemoteBackend.Scoring::value);
        scoring.setValue(RemoteBackend.Scoring.ECHO);
        scoring.setHelperText("vLLM: prompt-logprobs or echo-one-token");
        Span error = new Span();
        error.addClassName("cailab-error");
        error.setId("register-remote-error");
        Button register = new Button("Register remote model", e -> {
            try {
                RemoteBackend backend = new RemoteBackend(
                        RemoteBackend.parseUrls(urls.getValue()),
                        served.getValue(),
                        keyEnv.getValue(),
                        value(concurrency, 16),
                        Duration.ofSeconds(value(timeout, 120)),
                        value(retries, 3),
                        scoring.getValue());
                ModelSnapshot saved = registry.registerRemote(name.getValue().strip(), kind.getValue(), backend, "");
                error.setText("");
                name.clear();
                Notification.show("Registered " + saved.name() + ".");
                onRegistered.run();
            } catch (ModelRegistrationException ex) {
                error.setText(ex.getMessage());
            }
        });
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout first = new HorizontalLayout(name, kind, urls, served, keyEnv);
        first.setWrap(true);
        first.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout second = new HorizontalLayout(concurrency, timeout, retries, scoring, register, error);
        second.setWrap(true);
        second.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout content = new VerticalLayout(first, second);
        content.setPadding(false);
        add(content);
    }

    private static int value(IntegerField field, int fallback) {
        return field.getValue() == null ? fallback : field.getValue();
    }
}
