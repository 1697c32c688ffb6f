package org.cailab.feedback.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.cailab.base.ui.EChart;
import org.cailab.feedback.LabellingProgress;
import org.cailab.feedback.PairFilter;
import org.cailab.feedback.PreferencePair;
import org.cailab.feedback.PreferencePairService;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunSummary;
import org.cailab.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * A feedback labelling run's labels: the distribution of P(A better) as a histogram and the position-disagreement
 * rate, both refreshed every two seconds while the run goes on, and the labels, each of which opens with its prompts
 * and reasoning.
 */
@Route("ai-feedback/:" + LabellingRunView.RUN_ID + "(\\d+)")
@PageTitle("AI feedback labels | Constitutional AI Lab")
@RolesAllowed(Role.RESEARCHER_ROLE)
class LabellingRunView extends VerticalLayout implements BeforeEnterObserver {

    static final String RUN_ID = "runId";
    private static final int POLL_MS = 2000;

    private final PreferencePairService pairs;
    private final RunService runs;
    private final Anchor back = new Anchor("", "Back to the run");
    private final H2 title = new H2();
    private final Span info = new Span();
    private final Span disagreement = new Span();
    private final EChart histogram = new EChart();
    private final Grid<PreferencePair> grid = new Grid<>();
    private RunId runId = new RunId(0); // the route's, from beforeEnter
    private int shown = -1;
    private @Nullable Registration polling;

    LabellingRunView(PreferencePairService pairs, RunService runs) {
        this.pairs = pairs;
        this.runs = runs;
        setWidthFull();
        info.setId("labelling-info");
        disagreement.setId("position-disagreement");
        histogram.setId("label-histogram");
        histogram.setWidth("min(100%, 720px)");
        histogram.setHeight("320px");
        grid.setId("label-grid");
        grid.addColumn(PreferencePair::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.provenance().labelledPairId())
                .setHeader("Pair")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(p -> String.join(", ", p.provenance().principles()))
                .setHeader("Principles")
                .setFlexGrow(1);
        grid.addColumn(p -> p.label() == null ? "" : PairPanel.format(p.label()))
                .setHeader("P(A better)")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(p -> p.lastHumanText().replaceAll("\\s+", " "))
                .setHeader("Prompt")
                .setFlexGrow(3);
        grid.setHeight("360px");
        grid.addItemClickListener(e ->
                pairs.details(e.getItem().id()).ifPresent(details -> new LabelDialog(e.getItem(), details).open()));
        add(
                back,
                title,
                info,
                disagreement,
                histogram,
                new Span("Click a label to read its prompts and reasoning."),
                grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        runId = new RunId(event.getRouteParameters().getLong(RUN_ID).orElseThrow(NotFoundException::new));
        RunSummary run = runs.find(runId).orElseThrow(() -> new NotFoundException("There is no run " + runId + "."));
        back.setHref("runs/" + runId);
        title.setText("AI feedback labels of run " + runId + ": " + run.run().name());
        var parameters = run.run().config().parameters();
        info.setText("Feedback model " + parameters.getOrDefault("feedbackSnapshotName", "?") + " · constitution "
                + parameters.getOrDefault("constitutionVersionLabel", "?") + " · pairs of "
                + parameters.getOrDefault("pairsLabel", "?") + " · principles per pair "
                + parameters.getOrDefault("ensemble", "1") + " · swap " + parameters.getOrDefault("swapOrder", "true")
                + " · hard labels " + parameters.getOrDefault("hardLabels", "false") + " · chain of thought "
                + parameters.getOrDefault("chainOfThought", "false"));
        grid.setItems(
                query -> pairs.pairs(PairFilter.ofRun(runId), query.getOffset(), query.getLimit()).stream(),
                query -> pairs.count(PairFilter.ofRun(runId)));
        shown = -1;
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().setPollInterval(POLL_MS);
        polling = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        event.getUI().setPollInterval(-1);
        super.onDetach(event);
    }

    private void refresh() {
        if (runId.value() == 0) {
            return;
        }
        LabellingProgress progress = pairs.labellingProgress(runId);
        if (progress.labels().size() == shown) {
            return;
        }
        shown = progress.labels().size();
        histogram.setOption(LabelHistogramOption.of(progress.histogram(LabelHistogramOption.BINS))
                .toString());
        double rate = progress.disagreementRate();
        disagreement.setText(shown + " label(s) · position disagreement: "
                + (Double.isNaN(rate)
                        ? "not measured (no label asked in both orders yet)"
                        : String.format(
                                Locale.ROOT,
                                "%.1f%% of %d label(s) asked in both orders",
                                100 * rate,
                                progress.swappedLabels())));
        grid.getDataProvider().refreshAll();
    }
}
