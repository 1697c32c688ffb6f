package org.cailab.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Optional;
import org.cailab.base.ui.EChart;
import org.cailab.pipeline.RunId;
import org.cailab.training.PmRoundScore;
import org.cailab.training.PmScoreRun;
import org.cailab.training.PmScoreService;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.core.annotation.Order;

/**
 * Panel 5 (the paper's Figure 5): the mean preference-model score per revision round of an SL-CAI run, from a
 * {@code pm-score} run picked by name (the newest one unless the researcher picks another).
 */
@org.springframework.stereotype.Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Order(50)
class PmScorePanel implements DashboardPanel {

    private final PmScoreService scores;
    private final ComboBox<PmScoreRun> run = new ComboBox<>("Scoring run");
    private final EChart chart = new EChart();
    private final Paragraph note = new Paragraph();
    private final VerticalLayout content = new VerticalLayout();

    PmScorePanel(PmScoreService scores) {
        this.scores = scores;
        run.setId("pm-score-run");
        run.setItemLabelGenerator(PmScoreRun::label);
        run.setWidth("min(100%, 640px)");
        run.setHelperText("A preference-model scoring run (run type \"Preference-model scores of SL-CAI revisions\")");
        run.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                show(e.getValue());
            }
        });
        chart.setId("pm-score-chart");
        chart.setWidth("min(100%, 800px)");
        chart.setHeight("380px");
        note.addClassName("cailab-note");
        note.setId("pm-score-note");
        content.setPadding(false);
        content.add(run, chart, note);
    }

    @Override
    public String title() {
        return "Preference-model score vs. revision round";
    }

    @Override
    public String id() {
        return "pm-scores";
    }

    @Override
    public Component content() {
        return content;
    }

    @Override
    public void refresh(DashboardData data) {
        List<PmScoreRun> runs = scores.runs();
        Long chosenId = run.getValue() == null ? null : run.getValue().runId();
        PmScoreRun chosen = Optional.ofNullable(chosenId)
                .flatMap(id -> runs.stream().filter(r -> r.runId() == id).findFirst())
                .orElse(runs.isEmpty() ? null : runs.getFirst());
        run.setItems(runs);
        run.setValue(chosen);
        show(chosen);
    }

    private void show(@Nullable PmScoreRun chosen) {
        if (chosen == null) {
            chart.setOption(
                    PmScoreChartOption.of("No scoring run yet", List.of()).toString());
            note.setText("No preference-model scoring run yet: start a run of type \"Preference-model scores of "
                    + "SL-CAI revisions\" on the Runs page with a finished SL-CAI run and a preference model.");
            return;
        }
        List<PmRoundScore> rounds = scores.rounds(new RunId(chosen.runId()));
        chart.setOption(PmScoreChartOption.of(
                        "PM score of \"" + chosen.slCaiRunName() + "\" by \"" + chosen.preferenceModel() + "\"", rounds)
                .toString());
        int chains = rounds.isEmpty() ? 0 : rounds.getFirst().n();
        note.setText("Mean reward of the preference model over " + chains + " chains"
                + (chosen.finished()
                        ? ""
                        : " scored so far (run " + chosen.state().toLowerCase() + ")")
                + "; whiskers are 95% Student t intervals of the mean (mean ± t(0.975, n - 1) · sd / √n).");
    }
}
