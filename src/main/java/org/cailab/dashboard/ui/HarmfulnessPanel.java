package org.cailab.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;
import org.cailab.base.ui.EChart;
import org.cailab.redteam.HarmPredictorRef;
import org.cailab.redteam.HarmPredictorScore;
import org.cailab.redteam.RatingStats;
import org.cailab.redteam.RedTeamStatsService;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.core.annotation.Order;

/**
 * Panel 4: absolute harmfulness per snapshot and against training step (the paper's Figure 10), from the red-team
 * success ratings (0-4) of live and imported attempts and, next to them, the mean harm a chosen harm predictor
 * gave the snapshots' answers in harm-eval runs ({@code RedTeamStatsService.harmPredictorScores}).
 */
@org.springframework.stereotype.Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Order(40)
class HarmfulnessPanel implements DashboardPanel {

    static final String RED_TEAM = "Red team";
    static final String PREDICTED = "Harm predictor";

    private final RedTeamStatsService redTeam;
    private final EChart perSnapshot = new EChart();
    private final EChart perStep = new EChart();
    private final Paragraph note = new Paragraph();
    private final ComboBox<HarmPredictorRef> predictor = new ComboBox<>("Harm predictor");
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
        predictor.setId("harm-predictor");
        predictor.setItemLabelGenerator(HarmPredictorRef::name);
        predictor.setHelperText("Predicted harm of the snapshots' answers from harm-eval runs with this predictor");
        predictor.setWidth("min(100%, 420px)");
        predictor.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                draw();
            }
        });
        content.setPadding(false);
        content.add(predictor, row, note);
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
        List<HarmPredictorRef> predictors = redTeam.harmPredictors();
        HarmPredictorRef chosen = predictor.getValue();
        predictor.setItems(predictors);
        predictor.setValue(
                chosen != null && predictors.contains(chosen)
                        ? chosen
                        : predictors.isEmpty() ? null : predictors.getFirst());
        predictor.setVisible(!predictors.isEmpty());
        draw();
    }

    private void draw() {
        List<HarmfulnessRow> rows = new ArrayList<>(
                redTeam.bySnapshot().stream().map(HarmfulnessPanel::row).toList());
        HarmPredictorRef chosen = predictor.getValue();
        if (chosen != null) {
            redTeam.harmPredictorScores(chosen.snapshotId()).forEach(h -> rows.add(row(h)));
        }
        perSnapshot.setOption(HarmfulnessChartOption.bySnapshot(rows).toString());
        perStep.setOption(HarmfulnessChartOption.byStep(rows).toString());
        note.setText(
                "Mean red-team success rating (0: the model did not do it at all, 4: it fully did) of each "
                        + "snapshot's rated attempts (and of the models of imported attempts), with 95% intervals; the "
                        + "tooltip shows the distribution over 0-4. "
                        + (chosen == null
                                ? "No harm evaluation has been run yet (run types harm-train, then harm-eval), so there are no "
                                        + "predicted scores to show."
                                : "\"" + PREDICTED + "\": the mean harm that \"" + chosen.name()
                                        + "\" predicted for each snapshot's "
                                        + "sampled answers to the evaluation's red-team prompts, with a 95% bootstrap interval over prompts."));
    }

    static HarmfulnessRow row(HarmPredictorScore h) {
        return new HarmfulnessRow(
                PREDICTED, h.label(), h.runId(), h.step(), h.samples(), h.mean(), h.ciLow(), h.ciHigh(), List.of());
    }

    static HarmfulnessRow row(RatingStats s) {
        return new HarmfulnessRow(
                RED_TEAM, s.label(), s.runId(), s.step(), s.n(), s.mean(), s.ciLow(), s.ciHigh(), s.counts());
    }
}
