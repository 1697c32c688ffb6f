package org.cailab.training.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.Locale;
import org.cailab.base.ui.EChart;
import org.cailab.model.ModelSnapshot;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunId;
import org.cailab.security.Role;
import org.cailab.training.TrainingCheckpoint;
import org.cailab.training.TrainingPoint;
import org.cailab.training.TrainingProgress;
import org.cailab.training.TrainingService;
import org.jspecify.annotations.Nullable;

/**
 * A training run's page: training and held-out loss against step (and a PM's held-out accuracy, a harm
 * predictor's held-out Spearman correlation), updated while the
 * run trains; tokens/s and the estimated time left; its checkpoints, each of which can be registered as a snapshot.
 */
@Route("runs/:" + TrainingView.RUN_ID + "(\\d+)/training")
@PageTitle("Training | Constitutional AI Lab")
@RolesAllowed(Role.RESEARCHER_ROLE)
class TrainingView extends VerticalLayout implements BeforeEnterObserver {

    static final String RUN_ID = "runId";
    private static final int POLL_MILLIS = 2000;

    private final TrainingService training;
    private final Anchor back = new Anchor("", "Back to the run");
    private final H2 title = new H2();
    private final ProgressBar progressBar = new ProgressBar(0, 1, 0);
    private final Span status = new Span();
    private final EChart loss = new EChart();
    private final EChart accuracy = new EChart();
    private final Grid<TrainingCheckpoint> checkpoints = new Grid<>();
    private @Nullable Registration polling;
    private RunId runId = new RunId(0); // the route's, from beforeEnter
    /** What the page shows now: it redraws only when a point or checkpoint was added. */
    private @Nullable Shown shown;

    private record Shown(int train, int heldOut, java.util.List<TrainingCheckpoint> checkpoints) {}

    TrainingView(TrainingService training) {
        this.training = training;
        setWidthFull();
        status.setId("training-status");
        loss.setId("loss-chart");
        loss.setHeight("380px");
        accuracy.setId("accuracy-chart");
        accuracy.setHeight("300px");
        accuracy.setVisible(false);
        checkpoints.setId("checkpoint-grid");
        checkpoints
                .addColumn(TrainingCheckpoint::step)
                .setHeader("Step")
                .setAutoWidth(true)
                .setFlexGrow(0);
        checkpoints
                .addColumn(c -> c.last() ? "final model" : "checkpoint")
                .setHeader("Kind")
                .setAutoWidth(true);
        checkpoints
                .addColumn(TrainingCheckpoint::location)
                .setHeader("Directory")
                .setFlexGrow(3);
        checkpoints
                .addColumn(c -> c.hhhAccuracy() == null
                        ? ""
                        : String.format(Locale.ROOT, "%.1f%% of %d", 100 * c.hhhAccuracy(), c.hhhComparisons()))
                .setHeader("HHH accuracy")
                .setAutoWidth(true);
        checkpoints.addComponentColumn(this::snapshotCell).setHeader("Snapshot").setAutoWidth(true);
        checkpoints.setAllRowsVisible(true);
        add(back, title, progressBar, status, loss, accuracy, new H3("Checkpoints"), checkpoints);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        runId = new RunId(event.getRouteParameters().getLong(RUN_ID).orElseThrow(NotFoundException::new));
        try {
            training.progress(runId);
        } catch (RunException e) {
            throw new NotFoundException(e.getMessage());
        }
        back.setHref("runs/" + runId);
        title.setText("Training of run " + runId);
        shown = null;
        refresh();
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
        }
        event.getUI().setPollInterval(-1);
    }

    private void refresh() {
        TrainingProgress p = training.progress(runId);
        Shown now = new Shown(p.train().size(), p.heldOut().size(), p.checkpoints());
        if (now.equals(shown)) {
            return;
        }
        shown = now;
        progressBar.setValue(p.totalSteps() == 0 ? 0 : (double) p.step() / p.totalSteps());
        status.setText(statusText(p));
        loss.setOption(LossChartOption.loss(p.train(), p.heldOut()));
        boolean pm = p.heldOut().stream().anyMatch(x -> x.accuracy() != null);
        boolean harm = p.heldOut().stream().anyMatch(x -> x.rankCorrelation() != null);
        accuracy.setVisible(pm || harm);
        if (pm) {
            accuracy.setOption(LossChartOption.accuracy(p.heldOut()));
        } else if (harm) {
            accuracy.setOption(LossChartOption.rankCorrelation(p.heldOut()));
        }
        checkpoints.setItems(p.checkpoints());
    }

    static String statusText(TrainingProgress p) {
        if (p.totalSteps() == 0) {
            return "Waiting for the first step.";
        }
        StringBuilder s = new StringBuilder("Step " + p.step() + " of " + p.totalSteps());
        TrainingPoint last = p.train().getLast();
        s.append(String.format(Locale.ROOT, " · training loss %.4f", last.loss()));
        if (!p.heldOut().isEmpty()) {
            TrainingPoint h = p.heldOut().getLast();
            s.append(String.format(Locale.ROOT, " · held-out loss %.4f", h.loss()));
            if (h.accuracy() != null) {
                s.append(String.format(Locale.ROOT, " · held-out accuracy %.1f%%", 100 * h.accuracy()));
            }
            if (h.rankCorrelation() != null) {
                s.append(String.format(Locale.ROOT, " · held-out Spearman %.3f", h.rankCorrelation()));
            }
        }
        if (p.tokensPerSecond() != null) {
            s.append(String.format(Locale.ROOT, " · %,.0f tokens/s", p.tokensPerSecond()));
        }
        if (p.remaining() != null) {
            s.append(" · about ").append(duration(p.remaining())).append(" left");
        } else if (p.step() == p.totalSteps()) {
            s.append(" · done");
        }
        return s.toString();
    }

    private static String duration(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + " min " + (seconds % 60) + " s";
        }
        return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
    }

    private com.vaadin.flow.component.Component snapshotCell(TrainingCheckpoint c) {
        if (c.snapshotId() != null) {
            return new Span("registered (id " + c.snapshotId() + ")");
        }
        Button register = new Button("Register as snapshot", e -> {
            try {
                ModelSnapshot s = training.registerCheckpoint(runId, c.step());
                Notification.show("Registered \"" + s.name() + "\".", 4000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                shown = null;
                refresh();
            } catch (RuntimeException ex) {
                Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        register.setId("register-" + c.step());
        return register;
    }
}
