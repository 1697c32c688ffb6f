package org.cailab.model.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.cailab.model.BackendHealth;
import org.cailab.model.ModelRegistry;

/** Each remote server URL: reachable, models served, latency, load, failures, and whether it is taken out. */
class BackendHealthGrid extends VerticalLayout {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ModelRegistry registry;
    private final Grid<BackendHealth> grid = new Grid<>();

    BackendHealthGrid(ModelRegistry registry) {
        this.registry = registry;
        setPadding(false);
        grid.setId("backend-health");
        grid.setAllRowsVisible(true);
        grid.addColumn(BackendHealth::snapshot).setHeader("Snapshot").setFlexGrow(2);
        grid.addColumn(BackendHealth::url).setHeader("Server").setFlexGrow(3);
        grid.addColumn(h -> h.reachable() ? "reachable" : "unreachable").setHeader("State");
        grid.addColumn(h -> String.join(", ", h.models()))
                .setHeader("Models served")
                .setFlexGrow(2);
        grid.addColumn(h -> h.latencyMillis() + " ms").setHeader("Latency");
        grid.addColumn(BackendHealth::inFlight).setHeader("In flight");
        grid.addColumn(h -> h.requests() + " / " + h.failures()).setHeader("Requests / failed");
        grid.addColumn(h -> h.outUntil() == null ? "" : "until " + TIME.format(h.outUntil()))
                .setHeader("Taken out");
        grid.addColumn(BackendHealth::message).setHeader("Message").setFlexGrow(3);
        Button check = new Button("Check servers", e -> refresh());
        HorizontalLayout header = new HorizontalLayout(new H3("Remote servers"), check);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(header, grid);
    }

    /** Asks every server now (a few seconds at most per unreachable URL). */
    void refresh() {
        var health = registry.backendHealth();
        grid.setItems(health);
        setVisible(!health.isEmpty());
    }
}
