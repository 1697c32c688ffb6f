package org.cailab.model.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.cailab.model.DemoModelStatus;
import org.cailab.model.DemoModels;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.security.Role;

import java.time.format.DateTimeFormatter;

/** Registered model snapshots, the demo-model progress, and (for admins) registering a model directory. */
@Route("models")
@PageTitle("Models | Constitutional AI Lab")
@Menu(title = "Models", order = 300)
@RolesAllowed({Role.RESEARCHER_ROLE, Role.ADMIN_ROLE})
class ModelsView extends VerticalLayout {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ModelRegistry registry;
    private final DemoModels demoModels;
    private final Grid<ModelSnapshot> grid = new Grid<>();
    private final ProgressBar demoProgress = new ProgressBar();
    private final Span demoText = new Span();
    private DemoModelStatus.State lastState;

    ModelsView(ModelRegistry registry, DemoModels demoModels, AuthenticationContext authentication) {
        this.registry = registry;
        this.demoModels = demoModels;
        setSizeFull();
        grid.setId("snapshot-grid");
        grid.addColumn(ModelSnapshot::name).setHeader("Name").setSortable(true).setFlexGrow(2);
        grid.addColumn(s -> s.kind().name()).setHeader("Kind").setSortable(true);
        grid.addColumn(s -> s.step() == null ? "" : String.valueOf(s.step())).setHeader("Step");
        grid.addColumn(ModelSnapshot::location).setHeader("Location").setFlexGrow(3);
        grid.addColumn(s -> CREATED.format(s.createdAt())).setHeader("Registered");
        demoText.setId("demo-status");
        add(new H2("Models"));
        add(demoText, demoProgress);
        BackendHealthGrid health = new BackendHealthGrid(registry);
        if (authentication.hasRole(Role.ADMIN_ROLE)) {
            add(new RegisterModelForm(registry, this::refresh));
            add(new RegisterRemoteModelForm(registry, () -> {
                refresh();
                health.refresh();
            }));
        }
        add(grid, health);
        refresh();
        health.refresh();
        showDemoStatus();
    }

    private void refresh() {
        grid.setItems(registry.list());
    }

    private void showDemoStatus() {
        DemoModelStatus status = demoModels.status();
        demoText.setText(status.message());
        demoProgress.setValue(status.fraction());
        boolean running = status.state() == DemoModelStatus.State.RUNNING || status.state() == DemoModelStatus.State.WAITING;
        demoProgress.setVisible(running);
        if (lastState != null && lastState != status.state()) {
            refresh();
        }
        lastState = status.state();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(1000);
        event.getUI().addPollListener(e -> showDemoStatus());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
    }
}
