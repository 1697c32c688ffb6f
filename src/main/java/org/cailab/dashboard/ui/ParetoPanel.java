package org.cailab.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.cailab.base.ui.EChart;
import org.cailab.dashboard.Frontier;
import org.cailab.pipeline.RunId;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.core.annotation.Order;

/** Panel 2: harmlessness against helpfulness per snapshot with the Pareto frontier (the paper's Figure 2). */
@org.springframework.stereotype.Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Order(20)
class ParetoPanel implements DashboardPanel {

    private final EChart chart = new EChart();
    private final Paragraph note = new Paragraph();
    private final VerticalLayout content = new VerticalLayout(chart, note);

    private final org.cailab.pipeline.RunService runs;

    ParetoPanel(org.cailab.pipeline.RunService runs) {
        this.runs = runs;
        chart.setId("pareto-chart");
        chart.setHeight("520px");
        note.addClassName("cailab-note");
        content.setPadding(false);
    }

    @Override
    public String title() {
        return "Harmlessness vs. helpfulness";
    }

    @Override
    public String id() {
        return "pareto";
    }

    @Override
    public Component content() {
        return content;
    }

    @Override
    public void refresh(DashboardData data) {
        Frontier frontier = data.frontier();
        chart.setOption(ParetoChartOption.json(frontier, this::runName));
        String missing = frontier.onlyOneTask().isEmpty()
                ? ""
                : " Rated in only one task, so not shown: " + String.join(", ", frontier.onlyOneTask()) + ".";
        note.setText(frontier.points().size() + " snapshots rated in both tasks, "
                + frontier.frontier().size()
                + " on the frontier. Whiskers are 95% intervals; lines join the snapshots of a run in training-step "
                + "order; a run's line is named after the run (a constitution experiment's runs start with their "
                + "constitution version)." + missing);
    }

    /** The run's name for its line, or null when it cannot be read (then the line says only "Run N"). */
    private String runName(long runId) {
        try {
            return runs.find(new RunId(runId)).map(s -> s.run().name()).orElse(null);
        } catch (RuntimeException e) {
            return null; // e.g. a viewer without the researcher role
        }
    }
}
