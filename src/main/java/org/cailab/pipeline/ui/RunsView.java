package org.cailab.pipeline.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import org.cailab.constitution.ConstitutionService;
import org.cailab.model.ModelService;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunSummary;
import org.cailab.promptset.PromptSetService;
import org.cailab.security.Role;
import org.jspecify.annotations.Nullable;

/** Researcher page: every recent run with live progress, and the form to start one. */
@Route("runs")
@PageTitle("Runs | Constitutional AI Lab")
@Menu(title = "Runs", order = 220)
@RolesAllowed(Role.RESEARCHER_ROLE)
class RunsView extends VerticalLayout {

    static final int POLL_MILLIS = 1000;
    private static final int LIMIT = 200;

    private final RunService runs;
    private final Grid<RunSummary> grid = new Grid<>();
    private @Nullable Registration polling;

    RunsView(RunService runs, PromptSetService promptSets, ModelService models, ConstitutionService constitutions) {
        this.runs = runs;
        setSizeFull();
        grid.setId("run-grid");
        grid.addColumn(s -> s.run().id()).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(s -> new RouterLink(
                        s.run().name(),
                        RunView.class,
                        new RouteParameters(RunView.ID, String.valueOf(s.run().id()))))
                .setHeader("Run")
                .setAutoWidth(true)
                .setFlexGrow(2);
        grid.addColumn(s -> s.run().type()).setHeader("Type").setAutoWidth(true);
        grid.addComponentColumn(s -> RunFormat.stateBadge(s.run().state()))
                .setHeader("State")
                .setAutoWidth(true);
        grid.addComponentColumn(s -> RunFormat.progressBar(s.progress()))
                .setHeader("Progress")
                .setAutoWidth(true);
        grid.addColumn(s -> RunFormat.counts(s.progress())).setHeader("Items").setAutoWidth(true);
        grid.addColumn(s -> RunFormat.rate(s.progress())).setHeader("Rate").setAutoWidth(true);
        grid.addColumn(s -> RunFormat.eta(s.progress(), s.run().state()))
                .setHeader("ETA")
                .setAutoWidth(true);
        grid.addColumn(s ->
                        RunFormat.time(s.run().createdAt()) + " by " + s.run().createdBy())
                .setHeader("Started")
                .setAutoWidth(true);
        add(
                new H2("Runs"),
                new StartRunForm(runs, new References(models, promptSets, constitutions, runs), this::started),
                grid);
        refresh();
    }

    private void started(Run run) {
        UI.getCurrent().navigate(RunView.class, new RouteParameters(RunView.ID, String.valueOf(run.id())));
    }

    private void refresh() {
        grid.setItems(runs.findRecent(LIMIT));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(POLL_MILLIS);
        polling = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        event.getUI().setPollInterval(-1);
    }
}
