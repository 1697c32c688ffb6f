package org.cailab.experiment.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.function.Function;
import org.cailab.comparison.CampaignService;
import org.cailab.experiment.PipelineParameters;
import org.cailab.experiment.PipelineService;
import org.cailab.experiment.PipelineStageStatus;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunState;
import org.cailab.pipeline.RunSummary;
import org.cailab.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * One pipeline run: its stages in order, each with its state, progress and a link to its child run, the snapshots
 * and campaigns it produced; pause, resume (which restarts a failed stage) and cancel.
 */
@Route("pipelines/:" + PipelineView.ID + "(\\d+)")
@PageTitle("Pipeline | Constitutional AI Lab")
@RolesAllowed(Role.RESEARCHER_ROLE)
class PipelineView extends VerticalLayout implements BeforeEnterObserver {

    static final String ID = "pipelineId";

    private final PipelineService pipelines;
    private final RunService runs;
    private final ModelRegistry registry;
    private final CampaignService campaigns;
    private final H2 title = new H2();
    private final Span subtitle = new Span();
    private final HorizontalLayout state = new HorizontalLayout();
    private final Span hint = new Span();
    private final Button pause = new Button("Pause");
    private final Button resume = new Button("Resume");
    private final Button cancel = new Button("Cancel pipeline and its running stages");
    private final Grid<PipelineStageStatus> stages = new Grid<>();
    private RunId pipelineId = new RunId(0); // the route's, from beforeEnter
    private @Nullable Registration polling;

    PipelineView(PipelineService pipelines, RunService runs, ModelRegistry registry, CampaignService campaigns) {
        this.pipelines = pipelines;
        this.runs = runs;
        this.registry = registry;
        this.campaigns = campaigns;
        setWidthFull();
        state.setId("pipeline-state");
        hint.setId("pipeline-hint");
        pause.setId("pipeline-pause");
        resume.setId("pipeline-resume");
        cancel.setId("pipeline-cancel");
        pause.addClickListener(e -> act(runs::pause, "Paused"));
        resume.addClickListener(e -> act(runs::resume, "Resumed"));
        cancel.addClickListener(e -> act(pipelines::cancel, "Cancelled"));
        resume.setTooltipText(
                "Goes on from the first stage that has not succeeded; a failed stage starts again as a " + "new run");
        stages.setId("pipeline-stages");
        stages.addColumn(PipelineStageStatus::label).setHeader("Stage").setAutoWidth(true);
        stages.addComponentColumn(s -> PipelineFormat.badge(s.status()))
                .setHeader("State")
                .setAutoWidth(true);
        stages.addComponentColumn(s -> PipelineFormat.bar(s.fraction()))
                .setHeader("Progress")
                .setAutoWidth(true);
        stages.addColumn(s -> s.child() == null
                        ? ""
                        : s.child().progress().finished() + " of "
                                + s.child().progress().total())
                .setHeader("Items")
                .setAutoWidth(true);
        stages.addComponentColumn(this::childLink).setHeader("Run").setAutoWidth(true);
        stages.addColumn(s -> s.attempts() > 1 ? String.valueOf(s.attempts()) : "")
                .setHeader("Attempts")
                .setAutoWidth(true);
        stages.addComponentColumn(this::produced).setHeader("Produced").setFlexGrow(2);
        stages.addColumn(s -> s.message() == null ? "" : s.message())
                .setHeader("Why it failed")
                .setFlexGrow(1);
        stages.setAllRowsVisible(true);
        HorizontalLayout header = new HorizontalLayout(state, subtitle);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        add(
                new Anchor("pipelines", "All pipelines"),
                title,
                header,
                hint,
                new HorizontalLayout(pause, resume, cancel),
                new H3("Stages"),
                stages);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        pipelineId = new RunId(event.getRouteParameters().getLong(ID).orElseThrow(NotFoundException::new));
        pipelines.pipeline(pipelineId).orElseThrow(NotFoundException::new);
        refresh();
    }

    private void refresh() {
        pipelines.pipeline(pipelineId).ifPresent(this::show);
    }

    private void show(RunSummary summary) {
        Run run = summary.run();
        title.setText("Pipeline " + run.id() + ": " + run.name());
        String experiment = run.config().parameter(PipelineParameters.EXPERIMENT, "");
        subtitle.setText("Constitution " + run.config().parameter(PipelineParameters.CONSTITUTION_LABEL, "?")
                + (experiment.isEmpty() ? "" : ", experiment " + experiment) + ", seed "
                + run.config().seed());
        state.removeAll();
        state.add(PipelineFormat.badge(run.state()), new Anchor("runs/" + run.id(), "Run page (configuration, log)"));
        List<PipelineStageStatus> list = pipelines.stages(pipelineId);
        stages.setItems(list);
        boolean failed = list.stream().anyMatch(s -> "Failed".equals(s.status()));
        hint.setText(
                run.state() == RunState.PAUSED && failed
                        ? "A stage failed (see why below). Fix the cause, then Resume: the failed stage starts again as a new "
                                + "run; stages that succeeded are kept."
                        : run.state() == RunState.PAUSED
                                ? "Paused: stages already running go on; Resume to go on."
                                : "");
        pause.setEnabled(run.state().isActive());
        resume.setEnabled(run.state() == RunState.PAUSED);
        cancel.setEnabled(!run.state().isTerminal());
    }

    private Component childLink(PipelineStageStatus s) {
        if (s.child() == null) {
            return new Span();
        }
        return new Anchor(
                "runs/" + s.child().run().id(), "run " + s.child().run().id());
    }

    private Component produced(PipelineStageStatus s) {
        Div div = new Div();
        for (long id : s.snapshotIds()) {
            registry.find(id).map(ModelSnapshot::name).ifPresent(name -> div.add(new Div(new Span(name))));
        }
        if (s.key().equals(PipelineParameters.HARM_EVAL_STAGE) && "Succeeded".equals(s.status())) {
            div.add(new Div(new Anchor("dashboard", "Predicted harm: Dashboards, absolute harmfulness")));
        }
        for (long id : s.campaignIds()) {
            try {
                div.add(new Div(new Anchor(
                        "comparison/campaigns", campaigns.campaign(id).name())));
            } catch (RuntimeException e) {
                div.add(new Div(new Span("campaign " + id + " (deleted)")));
            }
        }
        return div;
    }

    private void act(Function<RunId, Run> action, String done) {
        try {
            Run run = action.apply(pipelineId);
            Notification.show(done + " pipeline " + run.id() + ".", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (RunException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(1000);
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
