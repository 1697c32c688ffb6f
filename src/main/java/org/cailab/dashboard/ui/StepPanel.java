package org.cailab.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.cailab.base.ui.EChart;
import org.cailab.comparison.ComparisonTask;
import org.cailab.dashboard.Leaderboard;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.core.annotation.Order;

/** Panel 3: each task's rating against training step, a line per run with its interval band (the paper's Figure 8). */
@org.springframework.stereotype.Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Order(30)
class StepPanel implements DashboardPanel {

    private final Map<ComparisonTask, EChart> charts = new EnumMap<>(ComparisonTask.class);
    private final Paragraph note = new Paragraph();
    private final VerticalLayout content = new VerticalLayout();

    StepPanel() {
        FlexLayout row = new FlexLayout();
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setWidthFull();
        for (ComparisonTask task : ComparisonTask.values()) {
            EChart chart = new EChart();
            chart.setId("step-chart-" + task.name().toLowerCase(Locale.ROOT));
            chart.setWidth("min(100%, 640px)");
            chart.setHeight("380px");
            charts.put(task, chart);
            row.add(chart);
        }
        note.addClassName("cailab-note");
        content.setPadding(false);
        content.add(row, note);
    }

    @Override
    public String title() {
        return "Rating vs. training step";
    }

    @Override
    public String id() {
        return "steps";
    }

    @Override
    public Component content() {
        return content;
    }

    @Override
    public void refresh(DashboardData data) {
        long withoutStep = 0;
        for (Map.Entry<ComparisonTask, EChart> e : charts.entrySet()) {
            Leaderboard board = data.leaderboard(e.getKey());
            e.getValue().setOption(StepChartOption.json(board));
            withoutStep += board.entries().stream()
                    .filter(x -> x.runId() == null || x.step() == null)
                    .count();
        }
        note.setText(
                withoutStep == 0
                        ? "Bands are 95% intervals."
                        : "Bands are 95% intervals. Snapshots without a run and training step (registered by hand) are "
                                + "not shown here.");
    }
}
