package org.cailab.pipeline.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunLogEntry;
import org.cailab.pipeline.RunService;

/** The last lines of a run's log, newest at the bottom. */
class RunLogPanel extends Grid<RunLogEntry> {

    private static final int LINES = 500;

    private final RunService runs;
    private RunId runId = new RunId(0); // set by show
    private long lastShownId = -1;

    RunLogPanel(RunService runs) {
        this.runs = runs;
        setId("run-log");
        addThemeVariants(GridVariant.LUMO_COMPACT);
        addColumn(e -> RunFormat.time(e.at()))
                .setHeader("Time")
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(e -> e.level().name()).setHeader("Level").setAutoWidth(true).setFlexGrow(0);
        addColumn(RunLogEntry::message).setHeader("Message").setFlexGrow(1);
        setHeight("300px");
    }

    void show(RunId id) {
        runId = id;
        lastShownId = -1;
        refresh();
    }

    void refresh() {
        List<RunLogEntry> entries = runs.log(runId, LINES);
        long newest = entries.isEmpty() ? -1 : entries.getLast().id();
        if (newest != lastShownId) {
            setItems(entries);
            lastShownId = newest;
            if (!entries.isEmpty()) {
                scrollToEnd();
            }
        }
    }
}
