package org.cailab.model.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.cailab.model.DemoModelStatus;
import org.cailab.model.DemoModels;
import org.cailab.model.LoadedModel;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelService;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.SnapshotEvaluationService;
import org.cailab.model.SnapshotEvaluator;
import org.cailab.security.Role;

/** Registered model snapshots, the demo-model progress, and (for admins) registering a model directory. */
@Route("models")
@PageTitle("Models | Constitutional AI Lab")
@Menu(title = "Models", order = 300)
@RolesAllowed({Role.RESEARCHER_ROLE, Role.ADMIN_ROLE})
class ModelsView extends VerticalLayout {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ModelRegistry registry;
    private final DemoModels demoModels;
    private final Grid<ModelSnapshot> grid = new Grid<>();
    private final ModelService models;
    private final Grid<LoadedModel> loadedGrid = new Grid<>();
    private final Span memory = new Span();
    private final ProgressBar demoProgress = new ProgressBar();
    private final Span demoText = new Span();
    private DemoModelStatus.State lastState;
    /** Snapshot names by id, for the lineage column. */
    private java.util.Map<Long, String> names = java.util.Map.of();

    private final SnapshotEvaluationColumns evaluationColumns;

    ModelsView(
            ModelRegistry registry,
            DemoModels demoModels,
            ModelService models,
            AuthenticationContext authentication,
            SnapshotEvaluationService snapshotEvaluations,
            java.util.List<SnapshotEvaluator> evaluators) {
        this.registry = registry;
        this.demoModels = demoModels;
        this.models = models;
        setSizeFull();
        grid.setId("snapshot-grid");
        grid.addColumn(ModelSnapshot::name).setHeader("Name").setSortable(true).setFlexGrow(2);
        grid.addColumn(s -> s.kind().name()).setHeader("Kind").setSortable(true);
        grid.addColumn(s -> s.parentId() == null ? "" : names.getOrDefault(s.parentId(), "#" + s.parentId()))
                .setHeader("Parent");
        grid.addColumn(s -> s.runId() == null ? "" : "run " + s.runId()).setHeader("Run");
        grid.addColumn(s -> s.step() == null ? "" : String.valueOf(s.step())).setHeader("Step");
        grid.addColumn(ModelSnapshot::location).setHeader("Location").setFlexGrow(3);
        grid.addColumn(s -> CREATED.format(s.createdAt())).setHeader("Registered");
        evaluationColumns = new SnapshotEvaluationColumns(grid, snapshotEvaluations, evaluators);
        demoText.setId("demo-status");
        add(new H2("Models"));
        add(demoNote(), demoText, demoProgress);
        BackendHealthGrid health = new BackendHealthGrid(registry);
        if (authentication.hasRole(Role.ADMIN_ROLE)) {
            add(new RegisterModelForm(registry, this::refresh));
            add(new RegisterRemoteModelForm(registry, () -> {
                refresh();
                health.refresh();
            }));
        }
        add(grid, health);
        loadedGrid.setId("loaded-grid");
        loadedGrid.addColumn(LoadedModel::name).setHeader("Loaded snapshot").setFlexGrow(2);
        loadedGrid.addColumn(LoadedModel::device).setHeader("Device");
        loadedGrid.addColumn(m -> mib(m.parameterBytes())).setHeader("Weights");
        loadedGrid.addColumn(m -> mib(m.cacheBytes())).setHeader("KV cache at most");
        loadedGrid.addColumn(LoadedModel::running).setHeader("Generating");
        loadedGrid.addColumn(LoadedModel::waiting).setHeader("Waiting");
        loadedGrid
                .addColumn(m -> CREATED.format(m.lastUsed().atZone(ZoneId.systemDefault())))
                .setHeader("Last used");
        loadedGrid.setAllRowsVisible(true);
        memory.setId("memory-status");
        add(new H3("Loaded now"), memory, loadedGrid);
        refresh();
        health.refresh();
        showDemoStatus();
        showLoaded();
    }

    /** What the demo models are, and how to get results that mean something. */
    private static Paragraph demoNote() {
        Paragraph note = new Paragraph("The demo models (demo-early, demo-final) are small models trained from"
                + " scratch on this machine on a templated corpus we wrote. They imitate the formats the pipeline asks"
                + " for (answers, critiques, revisions, multiple-choice answers) and do not reason: use them to try the"
                + " pipeline, not for results. demo-early is the same training after a third of its steps. For results"
                + " that mean something, an admin registers a real checkpoint below: a local directory in Hugging Face"
                + " layout (config.json, model.safetensors, tokenizer.json), for example a 0.5B instruct model of the"
                + " Qwen2 or Llama family, or an OpenAI-compatible server.");
        note.setId("demo-note");
        note.getStyle().set("max-width", "60em");
        return note;
    }

    private void showLoaded() {
        loadedGrid.setItems(models.loadedModels());
        Runtime runtime = Runtime.getRuntime();
        memory.setText(String.format(
                java.util.Locale.ROOT,
                "Process resident memory %s; Java heap %s used of %s at most. Models unused for a while are unloaded.",
                residentMemory(),
                mib(runtime.totalMemory() - runtime.freeMemory()),
                mib(runtime.maxMemory())));
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    private static String residentMemory() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return mib(Long.parseLong(line.replaceAll("\\D", "")) * 1024);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: say so below
        }
        return "unknown";
    }

    private void refresh() {
        java.util.List<ModelSnapshot> all = registry.list();
        names = all.stream().collect(java.util.stream.Collectors.toMap(ModelSnapshot::id, ModelSnapshot::name));
        evaluationColumns.refresh(all);
        grid.setItems(all);
    }

    private void showDemoStatus() {
        DemoModelStatus status = demoModels.status();
        demoText.setText(status.message());
        demoProgress.setValue(status.fraction());
        boolean running =
                status.state() == DemoModelStatus.State.RUNNING || status.state() == DemoModelStatus.State.WAITING;
        demoProgress.setVisible(running);
        if (lastState != null && lastState != status.state()) {
            refresh();
        }
        lastState = status.state();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(1000);
        event.getUI().addPollListener(e -> {
            showDemoStatus();
            showLoaded();
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
    }
}
