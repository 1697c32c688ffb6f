package org.cailab.pipeline.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.util.function.Function;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunLink;
import org.cailab.pipeline.RunProgress;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunState;
import org.cailab.pipeline.RunSummary;
import org.cailab.pipeline.RunTypeInfo;
import org.cailab.security.Role;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** One run: its recorded configuration, live progress and throughput, controls, log and outputs. */
@Route("runs/:" + RunView.ID + "(\\d+)")
@PageTitle("Run | Constitutional AI Lab")
@RolesAllowed(Role.RESEARCHER_ROLE)
class RunView extends VerticalLayout implements BeforeEnterObserver {

    static final String ID = "runId";

    private final RunService runs;
    private final JsonMapper json;
    private final H2 title = new H2();
    private final HorizontalLayout stateBox = new HorizontalLayout();
    private final ProgressBar progressBar = new ProgressBar(0, 1, 0);
    private final Span progressText = new Span();
    private final Span throughput = new Span();
    private final Span error = new Span();
    private final Button pause = new Button("Pause");
    private final Button resume = new Button("Resume");
    private final Button cancel = new Button("Cancel run");
    private final HorizontalLayout links = new HorizontalLayout();
    private final Pre config = new Pre();
    private final RunItemsPanel items;
    private final RunLogPanel log;
    private RunId runId = new RunId(0); // the route's, from beforeEnter
    private String itemsLabel = "items";
    private @Nullable RunState shownState;
    private int shownFinished = -1;
    private @Nullable Registration polling;

    RunView(RunService runs, JsonMapper json) {
        this.runs = runs;
        this.json = json;
        this.items = new RunItemsPanel(runs);
        this.log = new RunLogPanel(runs);
        setWidthFull();
        pause.addClickListener(e -> act(runs::pause, "Paused"));
        resume.addClickListener(e -> act(runs::resume, "Resumed"));
        cancel.addClickListener(e -> confirmCancel());
        progressBar.setId("run-progress");
        progressBar.setWidth("24em");
        progressText.setId("run-progress-text");
        throughput.setId("run-throughput");
        stateBox.setId("run-state");
        error.addClassName("cailab-error");
        config.setId("run-config");
        HorizontalLayout progress = new HorizontalLayout(stateBox, progressBar, progressText, throughput);
        progress.setAlignItems(FlexComponent.Alignment.CENTER);
        HorizontalLayout controls = new HorizontalLayout(pause, resume, cancel);
        links.setId("run-links");
        add(
                new RouterLink("All runs", RunsView.class),
                title,
                progress,
                error,
                controls,
                links,
                new H3("Configuration"),
                config,
                new H3("Items and outputs"),
                items,
                new H3("Log"),
                log);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        runId = new RunId(event.getRouteParameters().getLong(ID).orElseThrow(NotFoundException::new));
        RunSummary summary = runs.find(runId).orElseThrow(NotFoundException::new);
        items.show(runId);
        log.show(runId);
        config.setText(json.writerWithDefaultPrettyPrinter()
                .writeValueAsString(summary.run().config()));
        itemsLabel = runs.types().stream()
                .filter(t -> t.type().equals(summary.run().type()))
                .map(RunTypeInfo::itemsLabel)
                .findFirst()
                .orElse("items");
        showLinks();
        show(summary);
    }

    private void refresh() {
        if (shownState != null && shownState.isTerminal() && shownFinished >= 0) {
            return; // nothing changes any more
        }
        runs.find(runId).ifPresent(this::show);
    }

    private void show(RunSummary summary) {
        Run run = summary.run();
        RunProgress p = summary.progress();
        title.setText("Run " + run.id() + ": " + run.name());
        if (run.state() != shownState) {
            stateBox.removeAll();
            stateBox.add(RunFormat.stateBadge(run.state()));
        }
        progressBar.setValue(p.fraction());
        progressText.setText(p.finished() + " of " + p.total() + " items (" + p.done() + " done, " + p.failed()
                + " failed" + (p.running() > 0 ? ", " + p.running() + " in progress" : "") + ")");
        throughput.setText("Rate " + RunFormat.rate(p, itemsLabel) + ", ETA " + RunFormat.eta(p, run.state()));
        error.setText(run.error() == null ? "" : run.error());
        pause.setEnabled(run.state().isActive());
        resume.setEnabled(run.state() == RunState.PAUSED);
        cancel.setEnabled(!run.state().isTerminal());
        if (p.finished() != shownFinished || run.state() != shownState) {
            items.refresh();
        }
        log.refresh();
        shownState = run.state();
        shownFinished = p.finished();
    }

    private void showLinks() {
        links.removeAll();
        for (RunLink link : runs.links(runId)) {
            Anchor anchor = new Anchor(RouteUrls.href(link.target()), link.label());
            if (link.download()) {
                anchor.getElement().setAttribute("download", true);
                anchor.setRouterIgnore(true);
            }
            links.add(anchor);
        }
        links.setVisible(links.getComponentCount() > 0);
    }

    /** Cancelling cannot be undone (a cancelled run cannot be resumed): ask first. */
    private void confirmCancel() {
        com.vaadin.flow.component.confirmdialog.ConfirmDialog dialog =
                new com.vaadin.flow.component.confirmdialog.ConfirmDialog(
                        "Cancel this run?",
                        "A cancelled run cannot be resumed: items in progress finish, the rest stay unprocessed.",
                        "Yes, cancel it",
                        e -> act(runs::cancel, "Cancelled"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.setCancelText("Keep running");
        dialog.setId("confirm-cancel-run");
        dialog.open();
    }

    private void act(Function<RunId, Run> action, String done) {
        try {
            Run run = action.apply(runId);
            Notification.show(done + " run " + run.id() + ".", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            runs.find(runId).ifPresent(this::show);
        } catch (RunException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(RunsView.POLL_MILLIS);
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
