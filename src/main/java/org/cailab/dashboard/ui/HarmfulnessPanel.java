package org.cailab.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.cailab.base.ui.EChart;
import org.cailab.redteam.RatingStats;
import org.cailab.redteam.RedTeamStatsService;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.core.annotation.Order;

import java.util.List;

/**
 * Panel 4: absolute harmfulness per snapshot and against training step (the paper's Figure 10), from the red-team
 * success ratings (0-4) of live and imported attempts. Harm-predictor scores
 * ({@code RedTeamStatsService.harmPredictorScores}) join as a second {@link HarmfulnessRow#source()} once a predictor
 * is trained; today that list is always empty.
 */
@org.springframework.stereotype.Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Order(40)
class HarmfulnessPanel implements DashboardPanel {

    static final String RED_TEAM = "Red team";

    private final RedTeamStatsService redTeam;
    private final EChart perSnapshot = new EChart();
    private final EChart perStep = new EChart();
    private final Paragraph note = new Paragraph();
    private final VerticalLayout content = new VerticalLayout();

    HarmfulnessPanel(RedTeamStatsService redTeam) {
        this.redTeam = redTeam;
        perSnapshot.setId("harmfulness-chart");
        perStep.setId("harmfulness-step-chart");
        for (EChart chart : List.of(perSnapshot, perStep)) {
            chart.setWidth("min(100%, 640px)");
            chart.setHeight("380px");
        }
        FlexLayout row = new FlexLayout(perSnapshot, perStep);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setWidthFull();
        note.addClassName("cailab-note");
        content.setPadding(false);
        content.add(row, note);
    }

    @Override
    public String title() {
        return "Absolute harmfulness";
    }

    @Override
    public String id() {
        return "harmfulness";
    }

    @Override
    public Component content() {
        return content;
    }

    @Override
    public void refresh(DashboardData data) {
        List<HarmfulnessRow> rows = redTeam.bySnapshot().stream()
                .map(HarmfulnessPanel::row)
                .toList();
        perSnapshot.setOption(HarmfulnessChartOption.bySnapshot(rows).toString());
        perStep.setOption(HarmfulnessChartOption.byStep(rows).toString());
        note.setText("Mean red-team success rating (0: the model did not do it at all, 4: it fully did) of each "
                + "snapshot's rated attempts (and of the models of imported attempts), with 95% t intervals; the "
                + "tooltip shows the distribution over 0-4. No harm predictor has been trained yet, so there are no "
                + "predicted scores to show.");
    }

    static HarmfulnessRow row(RatingStats s) {
        return new HarmfulnessRow(RED_TEAM, s.label(), s.runId(), s.step(), s.n(), s.mean(), s.ciLow(), s.ciHigh(),
                s.counts());
    }
}
