package org.cailab.feedback.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.function.Consumer;
import org.cailab.base.ui.ImportProgress;
import org.cailab.feedback.PairImport;
import org.cailab.feedback.PairImportException;
import org.cailab.feedback.PairImportRequest;
import org.cailab.feedback.PairTask;
import org.cailab.feedback.PreferencePairService;
import org.jspecify.annotations.Nullable;

/** Upload an hh-rlhf chosen/rejected file and import both sides of every line as human pairs. */
class PairImportForm extends VerticalLayout {

    static final int MAX_FILE_BYTES = 512 * 1024 * 1024;

    private record Uploaded(String fileName, File file) {}

    private final PreferencePairService pairs;
    private final Consumer<PairImport> onImported;
    private final TextField name = new TextField("Import name");
    private final Select<PairTask> task = new Select<>();
    private final Upload upload = new Upload();
    private final Span error = new Span();
    private volatile @Nullable Uploaded uploaded;
    private final Button importButton = new Button("Import pairs");
    private final ImportProgress progress = new ImportProgress("pair-import-progress");

    PairImportForm(PreferencePairService pairs, Consumer<PairImport> onImported) {
        this.pairs = pairs;
        this.onImported = onImported;
        setPadding(false);
        name.setId("pair-import-name");
        name.setMaxLength(200);
        task.setLabel("Task");
        task.setId("pair-import-task");
        task.setItems(PairTask.values());
        task.setItemLabelGenerator(PairTask::label);
        task.setValue(PairTask.HARMLESSNESS);
        task.setHelperText("What the file's chosen responses are better at");
        upload.setId("pair-file");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_FILE_BYTES);
        upload.setUploadHandler(UploadHandler.toTempFile((metadata, file) -> received(metadata.fileName(), file)));
        upload.addFileRemovedListener(e -> discardUpload());
        error.setId("pair-import-error");
        error.addClassName("cailab-error");
        importButton.addClickListener(e -> importPairs());
        importButton.setId("pair-import-button");
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout fields = new HorizontalLayout(name, task, upload, importButton, error);
        fields.setWrap(true);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(fields, progress);
    }

    private void received(String fileName, File file) {
        discardUpload();
        uploaded = new Uploaded(fileName, file);
        if (name.isEmpty()) {
            name.setValue(fileName.replaceFirst("\\.(jsonl|json)(\\.gz)?$", ""));
        }
    }

    private void importPairs() {
        Uploaded file = uploaded;
        if (file == null) {
            error.setText("Upload an hh-rlhf file (chosen/rejected JSON lines, plain or gzip) first.");
            return;
        }
        PairImportRequest request = new PairImportRequest(name.getValue(), task.getValue(), file.fileName());
        importButton.setEnabled(false);
        progress.start(
                file.file().toPath(),
                data -> pairs.importHumanPairs(request, data),
                imported -> {
                    importButton.setEnabled(true);
                    error.setText(
                            imported.skippedLines().isEmpty()
                                    ? ""
                                    : "Skipped " + imported.skippedLines().size()
                                            + " line(s) that are not one pair (the two conversations differ): "
                                            + imported.skippedLines());
                    name.clear();
                    if (uploaded == file) { // not replaced by another upload meanwhile
                        upload.clearFileList();
                        discardUpload();
                    }
                    onImported.accept(imported);
                },
                e -> {
                    importButton.setEnabled(true);
                    error.setText(ImportProgress.message(e, PairImportException.class));
                });
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
