package org.cailab.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cailab.base.ui.EChart;
import org.cailab.evaluation.EvaluationResult;
import org.cailab.evaluation.EvaluationSetService;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.core.annotation.Order;

/**
 * Panel 6: multiple-choice accuracy and a reliability diagram per snapshot, on one evaluation set (the set of the
 * newest evaluation unless the researcher picks another). A snapshot evaluated several times on the set shows its
 * newest run.
 */
@org.springframework.stereotype.Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Order(60)
class EvaluationPanel implements DashboardPanel {

    private final EvaluationSetService evaluations;
    private final Select<String> set = new Select<>();
    private final EChart accuracy = new EChart();
    private final EChart reliability = new EChart();
    private final Paragraph note = new Paragraph();
    private final VerticalLayout content = new VerticalLayout();
    private List<EvaluationResult> results = List.of();

    EvaluationPanel(EvaluationSetService evaluations) {
        this.evaluations = evaluations;
        set.setLabel("Evaluation set");
        set.setId("evaluation-chart-set");
        set.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                show(e.getValue());
            }
        });
        accuracy.setId("evaluation-accuracy-chart");
        reliability.setId("evaluation-reliability-chart");
        for (EChart chart : List.of(accuracy, reliability)) {
            chart.setWidth("min(100%, 640px)");
            chart.setHeight("380px");
        }
        FlexLayout row = new FlexLayout(accuracy, reliability);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setWidthFull();
        note.addClassName("cailab-note");
        note.setId("evaluation-note");
        content.setPadding(false);
        content.add(set, row, note);
    }

    @Override
    public String title() {
        return "Multiple-choice evaluations";
    }

    @Override
    public String id() {
        return "evaluations";
    }

    @Override
    public Component content() {
        return content;
    }

    @Override
    public void refresh(DashboardData data) {
        results = evaluations.results();
        List<String> sets =
                results.stream().map(EvaluationResult::evaluationSet).distinct().toList();
        String chosen = set.getValue() != null && sets.contains(set.getValue())
                ? set.getValue()
                : sets.isEmpty() ? null : sets.getFirst();
        set.setItems(sets);
        set.setVisible(sets.size() > 1);
        if (chosen != null) {
            set.setValue(chosen);
        }
        show(chosen);
    }

    private void show(String chosen) {
        List<EvaluationResult> shown = chosen == null ? List.of() : newestPerSnapshot(results, chosen);
        String name = chosen == null ? "no evaluation set" : chosen;
        accuracy.setOption(EvaluationChartOption.accuracy(name, shown).toString());
        reliability.setOption(EvaluationChartOption.reliability(name, shown).toString());
        note.setText(
                shown.isEmpty()
                        ? "No evaluation yet: upload an evaluation set on the Evaluations page and start a multiple-choice "
                                + "evaluation run."
                        : "Share of items whose most probable option is a correct one, with 95% Wilson intervals; the "
                                + "reliability diagram bins items by their top probability (10 bins; bigger points hold more items).");
    }

    /** The newest result of each snapshot on the set (results come newest first), in snapshot order of appearance. */
    static List<EvaluationResult> newestPerSnapshot(List<EvaluationResult> results, String set) {
        Map<String, EvaluationResult> newest = new LinkedHashMap<>();
        for (EvaluationResult r : results) {
            if (r.evaluationSet().equals(set)) {
                newest.putIfAbsent(r.snapshot(), r);
            }
        }
        return new ArrayList<>(newest.values());
    }
}
