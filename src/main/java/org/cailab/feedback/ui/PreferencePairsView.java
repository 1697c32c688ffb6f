package org.cailab.feedback.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
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
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cailab.feedback.CrowdVoteSync;
import org.cailab.feedback.PairExportFormat;
import org.cailab.feedback.PairFilter;
import org.cailab.feedback.PairImport;
import org.cailab.feedback.PairSource;
import org.cailab.feedback.PairTask;
import org.cailab.feedback.PreferencePair;
import org.cailab.feedback.PreferencePairService;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunSummary;
import org.cailab.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * Preference pairs: import hh-rlhf pairs, bring in crowdworker votes, filter by task, source, run, import and whether
 * they have a label, read one pair, and download the selection as JSON lines or in TRL's preference shape.
 */
@Route("preference-pairs")
@PageTitle("Preference pairs | Constitutional AI Lab")
@Menu(title = "Preference pairs", order = 230)
@RolesAllowed(Role.RESEARCHER_ROLE)
class PreferencePairsView extends VerticalLayout implements BeforeEnterObserver {

    private static final String PAIR_RUN_TYPES = "response-pairs ai-feedback";
    private static final int PREVIEW = 120;

    private final PreferencePairService pairs;
    private final RunService runs;
    private final Select<Optional<PairTask>> task = new Select<>();
    private final Select<Optional<PairSource>> source = new Select<>();
    private final Select<Optional<RunSummary>> run = new Select<>();
    private final Select<Optional<PairImport>> imported = new Select<>();
    private final Select<String> labelled = new Select<>();
    private final Span count = new Span();
    private final Span syncResult = new Span();
    private final Anchor jsonl = new Anchor("", "Download JSON lines");
    private final Anchor trl = new Anchor("", "Download TRL preference");
    private final Grid<PreferencePair> grid = new Grid<>();
    private final PairPanel panel = new PairPanel();

    PreferencePairsView(PreferencePairService pairs, RunService runs) {
        this.pairs = pairs;
        this.runs = runs;
        setWidthFull();
        Details importDetails = new Details("Import hh-rlhf pairs", new PairImportForm(pairs, i -> {
            reloadChoices();
            imported.setValue(imported.getListDataView()
                    .getItems()
                    .filter(o -> o.isPresent() && o.get().id() == i.id())
                    .findFirst()
                    .orElse(Optional.empty()));
        }));
        configure(task, "Task", "pair-task", t -> t.map(PairTask::label).orElse("All tasks"));
        task.setItems(withAll(List.of(PairTask.values())));
        configure(source, "Source", "pair-source", s -> s.map(PairSource::label).orElse("All sources"));
        source.setItems(withAll(List.of(PairSource.values())));
        configure(
                run,
                "Run",
                "pair-run",
                r -> r.map(s -> s.run().id() + ": " + s.run().name()).orElse("Any run"));
        configure(
                imported, "Import", "pair-import", i -> i.map(PairImport::name).orElse("Any import"));
        labelled.setLabel("Label");
        labelled.setId("pair-labelled");
        labelled.setItems("Any", "Labelled", "Waiting for a label");
        labelled.setValue("Any");
        labelled.addValueChangeListener(e -> refresh());
        reloadChoices();
        count.setId("pair-count");
        jsonl.setId("export-jsonl");
        jsonl.getElement().setAttribute("download", true);
        trl.setId("export-trl");
        trl.getElement().setAttribute("download", true);

        grid.setId("pair-grid");
        grid.addColumn(PreferencePair::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.source().label())
                .setHeader("Source")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(p -> p.task().label())
                .setHeader("Task")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(p -> preview(p.lastHumanText())).setHeader("Prompt").setFlexGrow(3);
        grid.addColumn(p -> p.label() == null
                        ? (p.aiLabels() > 0 ? p.aiLabels() + " AI label(s)" : "—")
                        : PairPanel.format(p.label()))
                .setHeader("Label")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setHeight("360px");
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() == null) {
                panel.clear();
            } else {
                panel.show(e.getValue());
            }
        });
        HorizontalLayout filters = new HorizontalLayout(task, source, run, imported, labelled, count);
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        Button sync = new Button("Bring in crowdworker votes", e -> {
            CrowdVoteSync result = pairs.syncCrowdVotes();
            syncResult.setText(
                    result.added() + " vote(s) added, " + result.deleted() + " removed (flagged or excluded since)");
            refresh();
        });
        sync.setId("sync-votes");
        syncResult.setId("sync-result");
        HorizontalLayout exports = new HorizontalLayout(jsonl, trl, sync, syncResult);
        exports.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2("Preference pairs"), importDetails, filters, exports, grid, panel);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> runIds =
                event.getLocation().getQueryParameters().getParameters().getOrDefault("run", List.of());
        if (!runIds.isEmpty() && runIds.getFirst().matches("\\d+")) {
            long id = Long.parseLong(runIds.getFirst());
            run.getListDataView()
                    .getItems()
                    .filter(o -> o.isPresent() && o.get().run().id().value() == id)
                    .findFirst()
                    .ifPresent(run::setValue);
        }
        refresh();
    }

    private <T> void configure(
            Select<Optional<T>> select,
            String label,
            String id,
            com.vaadin.flow.component.ItemLabelGenerator<Optional<T>> labels) {
        select.setLabel(label);
        select.setId(id);
        select.setItemLabelGenerator(labels);
        select.addValueChangeListener(e -> refresh());
    }

    private void reloadChoices() {
        run.setItems(withAll(runs.findRecent(500).stream()
                .filter(r -> PAIR_RUN_TYPES.contains(r.run().type()))
                .toList()));
        run.setValue(Optional.empty());
        imported.setItems(withAll(pairs.imports()));
        imported.setValue(Optional.empty());
        task.setValue(Optional.empty());
        source.setValue(Optional.empty());
    }

    private PairFilter filter() {
        @Nullable
        Boolean label = switch (String.valueOf(labelled.getValue())) {
            case "Labelled" -> true;
            case "Waiting for a label" -> false;
            default -> null;
        };
        return new PairFilter(
                value(task).orElse(null),
                value(source).orElse(null),
                value(run).map(r -> r.run().id().value()).orElse(null),
                value(imported).map(PairImport::id).orElse(null),
                null,
                label,
                null);
    }

    private void refresh() {
        PairFilter filter = filter();
        grid.setItems(
                query -> pairs.pairs(filter, query.getOffset(), query.getLimit()).stream(),
                query -> pairs.count(filter));
        count.setText(pairs.count(filter) + " pair(s)");
        jsonl.setHref(exportUrl(filter, PairExportFormat.JSONL));
        trl.setHref(exportUrl(filter, PairExportFormat.TRL));
        panel.clear();
    }

    static String exportUrl(PairFilter filter, PairExportFormat format) {
        StringBuilder url = new StringBuilder("api/preference-pairs?format=").append(format.parameter());
        if (filter.task() != null) {
            url.append("&task=").append(filter.task().name().toLowerCase(Locale.ROOT));
        }
        if (filter.source() != null) {
            url.append("&source=").append(filter.source().name().toLowerCase(Locale.ROOT));
        }
        if (filter.runId() != null) {
            url.append("&run=").append(filter.runId());
        }
        if (filter.importId() != null) {
            url.append("&import=").append(filter.importId());
        }
        if (filter.labelled() != null) {
            url.append("&labelled=").append(filter.labelled());
        }
        return url.toString();
    }

    private static <T> Optional<T> value(Select<Optional<T>> select) {
        return select.getValue() == null ? Optional.empty() : select.getValue();
    }

    private static <T> List<Optional<T>> withAll(List<T> values) {
        List<Optional<T>> items = new ArrayList<>();
        items.add(Optional.empty());
        values.forEach(v -> items.add(Optional.of(v)));
        return items;
    }

    private static String preview(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= PREVIEW ? line : line.substring(0, PREVIEW) + "…";
    }
}
