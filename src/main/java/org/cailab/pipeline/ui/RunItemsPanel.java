package org.cailab.pipeline.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.Arrays;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunItem;
import org.cailab.pipeline.RunItemState;
import org.cailab.pipeline.RunService;
import org.jspecify.annotations.Nullable;

/** A run's items in processing order with their outputs or errors, loaded page by page. */
class RunItemsPanel extends VerticalLayout {

    private static final String ALL = "All items";
    private static final int MAX_SHOWN_OUTPUT = 600;

    private final RunService runs;
    private final Grid<RunItem> grid = new Grid<>();
    private final Select<String> filter = new Select<>();
    private RunId runId = new RunId(0); // set by show

    RunItemsPanel(RunService runs) {
        this.runs = runs;
        setPadding(false);
        filter.setLabel("Show");
        filter.setId("run-items-filter");
        filter.setItems(
                ALL,
                RunItemState.DONE.name(),
                RunItemState.FAILED.name(),
                RunItemState.RUNNING.name(),
                RunItemState.PENDING.name());
        filter.setValue(ALL);
        filter.addValueChangeListener(e -> refresh());
        grid.setId("run-outputs");
        grid.addColumn(RunItem::seq).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(RunItem::key).setHeader("Item").setAutoWidth(true);
        grid.addColumn(i -> i.state().name()).setHeader("State").setAutoWidth(true);
        grid.addColumn(RunItem::attempts)
                .setHeader("Attempts")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(RunItemsPanel::outcome).setHeader("Output or error").setFlexGrow(3);
        grid.addColumn(i -> i.worker() == null ? "" : i.worker())
                .setHeader("Worker")
                .setAutoWidth(true);
        grid.setHeight("360px");
        add(new HorizontalLayout(filter), grid);
    }

    void show(RunId id) {
        this.runId = id;
        grid.setItems(
                query -> runs.items(runId, state(), query.getOffset(), query.getLimit()).stream(),
                query -> runs.countItems(runId, state()));
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private @Nullable RunItemState state() {
        String value = filter.getValue();
        return value == null || value.equals(ALL)
                ? null
                : Arrays.stream(RunItemState.values())
                        .filter(s -> s.name().equals(value))
                        .findFirst()
                        .orElse(null);
    }

    private static String outcome(RunItem item) {
        String text =
                item.output() != null ? item.output().toString() : item.lastError() == null ? "" : item.lastError();
        return text.length() <= MAX_SHOWN_OUTPUT ? text : text.substring(0, MAX_SHOWN_OUTPUT) + "…";
    }
}
