package org.cailab.evaluation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.cailab.evaluation.EvalFileException;
import org.cailab.evaluation.EvaluationResult;
import org.cailab.evaluation.EvaluationSet;
import org.cailab.evaluation.EvaluationSetService;
import org.cailab.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * Multiple-choice evaluations: upload an evaluation set, and compare the snapshots evaluated on a set (accuracy with
 * its 95% interval, calibration). Runs are started on the Runs page (type "Multiple-choice evaluation").
 */
@Route("evaluations")
@PageTitle("Evaluations | Constitutional AI Lab")
@Menu(title = "Evaluations", order = 415)
@RolesAllowed(Role.RESEARCHER_ROLE)
class EvaluationsView extends VerticalLayout {

    static final int MAX_FILE_BYTES = 64 * 1024 * 1024;

    private record Uploaded(String fileName, File file) {}

    private final EvaluationSetService evaluations;
    private final TextField name = new TextField("Set name");
    private final Upload upload = new Upload();
    private final Span error = new Span();
    private final Grid<EvaluationSet> sets = new Grid<>();
    private final Select<String> setFilter = new Select<>();
    private final Grid<EvaluationResult> results = new Grid<>();
    private List<EvaluationResult> allResults = List.of();
    private volatile @Nullable Uploaded uploaded;

    EvaluationsView(EvaluationSetService evaluations) {
        this.evaluations = evaluations;
        setWidthFull();
        add(
                new H2("Multiple-choice evaluations"),
                new Paragraph("Each item's options are scored by the model "
                        + "(log-probability after the prompt, normalised over the item's options); an item is right when its "
                        + "most probable option is a correct one. Start an evaluation on the Runs page: type "
                        + "\"Multiple-choice evaluation\", an evaluation set and a snapshot."));

        name.setId("evaluation-set-name");
        name.setMaxLength(200);
        upload.setId("evaluation-set-file");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_FILE_BYTES);
        upload.setUploadHandler(UploadHandler.toTempFile((metadata, file) -> received(metadata.fileName(), file)));
        upload.addFileRemovedListener(e -> discardUpload());
        error.setId("evaluation-set-error");
        error.addClassName("cailab-error");
        Button importButton = new Button("Import set", e -> importSet());
        importButton.setId("evaluation-set-import");
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, upload, importButton, error);
        form.setWrap(true);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new Details("Upload an evaluation set ({prompt, corrects, incorrects} JSON lines)", form));

        sets.setId("evaluation-sets");
        sets.addColumn(EvaluationSet::name).setHeader("Set").setAutoWidth(true);
        sets.addColumn(EvaluationSet::itemCount).setHeader("Items").setAutoWidth(true);
        sets.addColumn(EvaluationSet::fileName).setHeader("File").setAutoWidth(true);
        sets.addColumn(EvaluationSet::createdBy).setHeader("By").setAutoWidth(true);
        sets.setAllRowsVisible(true);
        add(sets);

        setFilter.setLabel("Compare on set");
        setFilter.setId("evaluation-result-set");
        setFilter.addValueChangeListener(e -> showResults());
        results.setId("evaluation-results");
        results.addColumn(EvaluationResult::snapshot).setHeader("Snapshot").setAutoWidth(true);
        results.addColumn(r -> r.calibration().n()).setHeader("n").setAutoWidth(true);
        results.addColumn(r -> String.format(
                        Locale.ROOT,
                        "%.1f%% (%.1f-%.1f%%)",
                        100 * r.calibration().accuracy(),
                        100 * r.accuracyLower(),
                        100 * r.accuracyUpper()))
                .setHeader("Accuracy (95%)")
                .setAutoWidth(true);
        results.addColumn(
                        r -> String.format(Locale.ROOT, "%.3f", r.calibration().ece()))
                .setHeader("ECE")
                .setAutoWidth(true);
        results.addColumn(r -> r.runId() + ": " + r.runName() + (r.finished() ? "" : " (not finished)"))
                .setHeader("Run")
                .setAutoWidth(true);
        results.setAllRowsVisible(true);
        add(setFilter, results);
        reload();
    }

    private void reload() {
        sets.setItems(evaluations.sets());
        allResults = evaluations.results();
        List<String> names = allResults.stream()
                .map(EvaluationResult::evaluationSet)
                .distinct()
                .sorted()
                .toList();
        String current = setFilter.getValue();
        setFilter.setItems(names);
        if (current != null && names.contains(current)) {
            setFilter.setValue(current);
        } else if (!names.isEmpty()) {
            setFilter.setValue(names.getFirst());
        }
        showResults();
    }

    private void showResults() {
        String set = setFilter.getValue();
        results.setItems(allResults.stream()
                .filter(r -> r.evaluationSet().equals(set))
                .sorted(Comparator.comparingDouble(
                                (EvaluationResult r) -> -r.calibration().accuracy())
                        .thenComparing(EvaluationResult::snapshot))
                .toList());
    }

    private void received(String fileName, File file) {
        discardUpload();
        uploaded = new Uploaded(fileName, file);
        if (name.isEmpty()) {
            name.setValue(fileName.replaceFirst("\\.(jsonl|json)$", ""));
        }
    }

    private void importSet() {
        Uploaded file = uploaded;
        if (file == null) {
            error.setText("Upload a file of {prompt, corrects, incorrects} JSON lines first.");
            return;
        }
        try (InputStream data = Files.newInputStream(file.file().toPath())) {
            evaluations.importSet(name.getValue(), file.fileName(), data);
            error.setText("");
            name.clear();
            upload.clearFileList();
            discardUpload();
            reload();
        } catch (EvalFileException e) {
            // the file cannot be imported as it is: drop it so that a corrected one can be uploaded
            error.setText(e.getMessage());
            upload.clearFileList();
            discardUpload();
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
        } catch (IOException e) {
            error.setText("The uploaded file could not be read: " + e.getMessage());
        }
    }

    private void discardUpload() {
        Uploaded previous = uploaded;
        uploaded = null;
        if (previous != null) {
            try {
                Files.deleteIfExists(previous.file().toPath());
            } catch (IOException ignored) {
                // a temp file; the OS cleans it up eventually
            }
        }
    }
}
