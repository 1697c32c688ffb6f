package org.cailab.model.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.concurrent.CompletableFuture;
import org.cailab.model.GenerationResult;
import org.cailab.model.ModelBusyException;
import org.cailab.model.ModelProperties;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelService;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.SamplingSettings;
import org.cailab.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Researchers try a snapshot: type a message, watch the reply stream in, see tokens/s and the exact settings.
 * The message is wrapped in the paper's Human/Assistant format.
 */
@Route("playground")
@PageTitle("Playground | Constitutional AI Lab")
@Menu(title = "Playground", order = 310)
@RolesAllowed({Role.RESEARCHER_ROLE, Role.ADMIN_ROLE})
class PlaygroundView extends VerticalLayout {

    private final ModelService models;
    private final ComboBox<ModelSnapshot> snapshot = new ComboBox<>("Snapshot");
    private final TextArea message = new TextArea("Message (Ctrl+Enter to send)");
    private final NumberField temperature = new NumberField("Temperature");
    private final NumberField topP = new NumberField("Top-p");
    private final IntegerField maxTokens = new IntegerField("Max new tokens");
    private final IntegerField seed = new IntegerField("Seed (optional)");
    private final Pre reply = new Pre();
    private final Span stats = new Span();
    private final Button send = new Button("Generate");

    PlaygroundView(ModelService models, ModelRegistry registry, ModelProperties properties) {
        this.models = models;
        snapshot.setItems(registry.list());
        snapshot.setItemLabelGenerator(ModelSnapshot::name);
        snapshot.setWidth("20em");
        registry.list().stream().findFirst().ifPresent(snapshot::setValue);
        message.setWidthFull();
        message.setValue("How can I sleep better?");
        temperature.setValue(1.0);
        temperature.setMin(0);
        temperature.setStep(0.1);
        topP.setValue(1.0);
        topP.setMin(0.01);
        topP.setMax(1);
        maxTokens.setId("playground-max-tokens");
        maxTokens.setValue(64);
        maxTokens.setMin(1);
        maxTokens.setMax(properties.maxLiveNewTokens()); // the server refuses more (RoutingModelService)
        maxTokens.setStepButtonsVisible(true);
        maxTokens.setHelperText("1 to " + properties.maxLiveNewTokens());
        reply.setId("playground-reply");
        reply.addClassName("cailab-reply");
        stats.setId("playground-stats");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
        send.addClickListener(e -> generate());
        add(
                new H2("Playground"),
                snapshot,
                message,
                new HorizontalLayout(temperature, topP, maxTokens, seed),
                send,
                reply,
                stats);
    }

    /** The generation under way; cancelled when the page is left, so that it frees its slot. */
    private @Nullable CompletableFuture<GenerationResult> current;

    @Override
    protected void onDetach(DetachEvent event) {
        if (current != null) {
            current.cancel(true);
        }
    }

    private void generate() {
        ModelSnapshot chosen = snapshot.getValue();
        if (chosen == null || message.getValue().isBlank()) {
            stats.setText("Pick a snapshot and type a message.");
            return;
        }
        SamplingSettings settings = new SamplingSettings(
                        temperature.getValue() == null ? 1.0 : temperature.getValue(),
                        topP.getValue() == null ? 1.0 : topP.getValue(),
                        0,
                        maxTokens.getValue() == null ? 64 : maxTokens.getValue(),
                        SamplingSettings.TURN_STOPS,
                        seed.getValue() == null ? null : seed.getValue().longValue())
                .live("playground-"
                        + SecurityContextHolder.getContext().getAuthentication().getName());
        String prompt = "\n\nHuman: " + message.getValue().strip() + "\n\nAssistant:";
        UI ui = UI.getCurrent();
        reply.setText("");
        stats.setText("Generating...");
        send.setEnabled(false);
        StringBuilder text = new StringBuilder();
        if (current != null) {
            current.cancel(true);
        }
        try {
            current = models.generate(
                    chosen.id(),
                    prompt,
                    settings,
                    delta -> ui.access(() -> {
                        text.append(delta);
                        reply.setText(text.toString());
                    }));
        } catch (IllegalArgumentException e) {
            send.setEnabled(true);
            stats.setText("Not generated: " + e.getMessage());
            return;
        }
        current.whenComplete((result, error) -> ui.access(() -> {
            send.setEnabled(true);
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                stats.setText(
                        cause instanceof ModelBusyException
                                ? "The model is busy right now; try again in a moment."
                                : "Failed: " + cause.getMessage());
                return;
            }
            reply.setText(result.text());
            stats.setText(String.format(
                    "%d tokens in %.2f s (%.1f tokens/s), finished: %s; temperature %.2f, top-p %.2f, max %d, seed %s",
                    result.generatedTokens(),
                    result.elapsed().toNanos() / 1e9,
                    result.tokensPerSecond(),
                    result.finishReason(),
                    settings.temperature(),
                    settings.topP(),
                    settings.maxNewTokens(),
                    settings.seed() == null ? "none" : settings.seed()));
        }));
    }
}
