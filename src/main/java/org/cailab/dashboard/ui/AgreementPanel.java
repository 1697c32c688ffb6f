package org.cailab.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import org.cailab.base.ui.EChart;
import org.cailab.feedback.Agreement;
import org.cailab.feedback.AgreementReport;
import org.cailab.feedback.PairTask;
import org.cailab.feedback.PreferencePairService;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.core.annotation.Order;

/**
 * Panel 7: human vs AI agreement on harmlessness, on the pairs that have both a crowdworker's vote and AI feedback
 * labels (a labelling run over a comparison campaign's pairs), per principle and per feedback snapshot, with 95%
 * Wilson intervals.
 */
@org.springframework.stereotype.Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Order(70)
class AgreementPanel implements DashboardPanel {

    private final PreferencePairService pairs;
    private final EChart byPrinciple = new EChart();
    private final EChart bySnapshot = new EChart();
    private final Paragraph note = new Paragraph();
    private final VerticalLayout content = new VerticalLayout();

    AgreementPanel(PreferencePairService pairs) {
        this.pairs = pairs;
        byPrinciple.setId("agreement-principle-chart");
        bySnapshot.setId("agreement-snapshot-chart");
        for (EChart chart : List.of(byPrinciple, bySnapshot)) {
            chart.setWidth("min(100%, 640px)");
            chart.setHeight("360px");
        }
        FlexLayout row = new FlexLayout(byPrinciple, bySnapshot);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setWidthFull();
        note.addClassName("cailab-note");
        note.setId("agreement-note");
        content.setPadding(false);
        content.add(row, note);
    }

    @Override
    public String title() {
        return "Human vs AI agreement";
    }

    @Override
    public String id() {
        return "agreement";
    }

    @Override
    public Component content() {
        return content;
    }

    @Override
    public void refresh(DashboardData data) {
        AgreementReport report = pairs.agreement(PairTask.HARMLESSNESS);
        byPrinciple.setOption(AgreementChartOption.of("Agreement per principle", "principle", report.byPrinciple())
                .toString());
        bySnapshot.setOption(
                AgreementChartOption.of("Agreement per feedback model", "feedback snapshot", report.bySnapshot())
                        .toString());
        int n = report.bySnapshot().stream().mapToInt(Agreement::n).sum();
        note.setText(
                n == 0
                        ? "No pair has both a crowdworker harmlessness vote and an AI label yet: start an AI feedback "
                                + "labelling run on a harmlessness comparison campaign's pairs."
                        : "Share of the " + n
                                + " AI labels on crowdworker harmlessness pairs that prefer the same response as "
                                + "the worker (ties on either side left out), with 95% Wilson intervals. An ensemble's label counts "
                                + "under each of its principles.");
    }
}
