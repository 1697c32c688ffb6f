package org.cailab.slcai.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunId;
import org.cailab.security.Role;
import org.cailab.slcai.ChainRound;
import org.cailab.slcai.CritiqueRevisionChain;
import org.cailab.slcai.HelpfulSamples;
import org.cailab.slcai.SlCaiRunInfo;
import org.cailab.slcai.SlCaiService;
import org.cailab.slcai.StoredSample;
import org.jspecify.annotations.Nullable;

/**
 * The chains of an SL-CAI run: the prompts in processing order (optionally only chains with a round under one
 * principle), the chosen prompt's chain, and the download of the SL finetuning data.
 */
@Route("runs/:" + ChainsView.RUN_ID + "(\\d+)/chains")
@PageTitle("SL-CAI chains | Constitutional AI Lab")
@RolesAllowed(Role.RESEARCHER_ROLE)
@StyleSheet("app/slcai.css")
class ChainsView extends VerticalLayout implements BeforeEnterObserver {

    static final String RUN_ID = "runId";
    private static final String ALL = "All principles";
    private static final int PREVIEW = 140;

    private final SlCaiService slCai;
    private final Anchor back = new Anchor("", "Back to the run");
    private final H2 title = new H2();
    private final Span info = new Span();
    private final ExportBar export = new ExportBar();
    private final Select<String> principle = new Select<>();
    private final Span count = new Span();
    private final Grid<StoredSample> grid = new Grid<>();
    private final ChainPanel chain = new ChainPanel();
    private RunId runId = new RunId(0); // the route's, from beforeEnter

    ChainsView(SlCaiService slCai) {
        this.slCai = slCai;
        setWidthFull();
        info.setId("chains-info");
        info.addClassName("cailab-muted");
        principle.setLabel("Principle");
        principle.setId("principle-filter");
        principle.addValueChangeListener(e -> refresh());
        count.setId("chain-count");
        grid.setId("chain-grid");
        grid.addColumn(StoredSample::seq).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(StoredSample::itemKey)
                .setHeader("Item")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(s -> preview(s.sample().lastHumanText()))
                .setHeader("Prompt")
                .setFlexGrow(3);
        grid.addColumn(ChainsView::principles).setHeader("Principles").setFlexGrow(1);
        grid.setHeight("320px");
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() == null) {
                chain.clear();
            } else {
                chain.show(e.getValue());
            }
        });
        HorizontalLayout filterRow = new HorizontalLayout(principle, count);
        filterRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(back, title, info, export, filterRow, grid, chain);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        runId = new RunId(event.getRouteParameters().getLong(RUN_ID).orElseThrow(NotFoundException::new));
        SlCaiRunInfo run;
        try {
            run = slCai.run(runId);
        } catch (RunException e) {
            throw new NotFoundException(e.getMessage());
        }
        back.setHref("runs/" + runId);
        title.setText("Chains of run " + runId + ": " + run.run().name());
        info.setText("Policy " + run.snapshotName() + " · constitution " + run.constitutionVersion() + " · "
                + run.parameters().rounds() + " round(s)"
                + (run.parameters().directRevision() ? " of direct revision" : "")
                + " · layout " + run.parameters().layout().parameter() + " · "
                + run.parameters().fewShotExamples()
                + " few-shot example(s) · state " + run.run().state().label().toLowerCase());
        export.show(run);
        List<String> choices = new ArrayList<>();
        choices.add(ALL);
        choices.addAll(run.principleKeys());
        principle.setItems(choices);
        principle.setValue(ALL);
        refresh();
    }

    private void refresh() {
        @Nullable
        String key = principle.getValue() == null || principle.getValue().equals(ALL) ? null : principle.getValue();
        grid.setItems(
                query -> slCai.samples(runId, key, query.getOffset(), query.getLimit()).stream(),
                query -> slCai.countSamples(runId, key));
        int n = slCai.countSamples(runId, key);
        count.setText(n + (key == null ? " prompt(s) done" : " chain(s) with a round under " + key));
        chain.clear();
    }

    private static String preview(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= PREVIEW ? line : line.substring(0, PREVIEW) + "…";
    }

    private static String principles(StoredSample stored) {
        return switch (stored.sample()) {
            case CritiqueRevisionChain c ->
                (c.rounds().isEmpty()
                                ? "(no rounds)"
                                : c.rounds().stream()
                                        .map(ChainRound::principleKey)
                                        .collect(Collectors.joining(" → ")))
                        + (c.anyTruncated() ? " · cut at the token limit" : "");
            case HelpfulSamples h -> h.responses().size() + " helpful sample(s)";
        };
    }
}
