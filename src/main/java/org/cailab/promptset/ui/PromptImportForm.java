package org.cailab.promptset.ui;

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
import org.cailab.base.InputTooLargeException;
import org.cailab.base.UploadLimits;
import org.cailab.base.ui.ImportProgress;
import org.cailab.promptset.PromptExtraction;
import org.cailab.promptset.PromptFormat;
import org.cailab.promptset.PromptImport;
import org.cailab.promptset.PromptImportException;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetKind;
import org.cailab.promptset.PromptSetService;
import org.jspecify.annotations.Nullable;

/** Upload a file, say what it is, import it as a new prompt set. */
class PromptImportForm extends VerticalLayout {

    private record Uploaded(String fileName, File file) {}

    private final PromptSetService promptSets;
    private final Consumer<PromptSet> onImported;
    private final TextField name = new TextField("Prompt set name");
    private final Select<PromptSetKind> kind = new Select<>();
    private final Select<PromptFormat> format = new Select<>();
    private final Select<PromptExtraction> extraction = new Select<>();
    private final Upload upload = new Upload();
    private final Span error = new Span();
    private volatile @Nullable Uploaded uploaded;
    private final Button importButton = new Button("Import prompts");
    private final ImportProgress progress = new ImportProgress("prompt-import-progress");

    private final UploadLimits limits;

    PromptImportForm(PromptSetService promptSets, UploadLimits limits, Consumer<PromptSet> onImported) {
        this.promptSets = promptSets;
        this.limits = limits;
        this.onImported = onImported;
        setPadding(false);
        name.setId("prompt-set-name");
        name.setMaxLength(200);
        configure(kind, "Kind", "prompt-set-kind", PromptSetKind.values(), PromptSetKind.RED_TEAM);
        kind.setItemLabelGenerator(PromptSetKind::label);
        configure(format, "File format", "prompt-set-format", PromptFormat.values(), PromptFormat.HH_RLHF_JSONL);
        format.setItemLabelGenerator(PromptFormat::label);
        format.setWidth("18em");
        configure(
                extraction,
                "Prompts to take",
                "prompt-set-extraction",
                PromptExtraction.values(),
                PromptExtraction.FIRST_HUMAN_TURN);
        extraction.setItemLabelGenerator(PromptExtraction::label);
        extraction.setWidth("22em");

        upload.setId("prompt-file");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(limits.maxBytesForUpload());
        upload.addFileRejectedListener(e -> error.setText(e.getErrorMessage()));
        upload.setUploadHandler(UploadHandler.toTempFile((metadata, file) -> received(metadata.fileName(), file)));
        upload.addFileRemovedListener(e -> discardUpload());

        error.setId("prompt-import-error");
        error.addClassName("cailab-error");
        importButton.addClickListener(e -> importPrompts());
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        HorizontalLayout fields = new HorizontalLayout(name, kind, format, extraction);
        fields.setWrap(true);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout actions = new HorizontalLayout(upload, importButton, error);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        add(fields, actions, progress);
    }

    private static <T> void configure(Select<T> select, String label, String id, T[] values, T initial) {
        select.setLabel(label);
        select.setId(id);
        select.setItems(values);
        select.setValue(initial);
    }

    /** Called by the upload handler inside {@code UI.access}. */
    private void received(String fileName, File file) {
        discardUpload();
        uploaded = new Uploaded(fileName, file);
        if (name.isEmpty()) {
            name.setValue(fileName.replaceFirst("\\.(jsonl|json|txt)(\\.gz)?$", ""));
        }
    }

    private void importPrompts() {
        Uploaded file = uploaded;
        if (file == null) {
            error.setText("Upload a file first.");
            return;
        }
        PromptImport request = new PromptImport(
                name.getValue(), kind.getValue(), format.getValue(), extraction.getValue(), file.fileName());
        try {
            limits.check(file.fileName(), Files.size(file.file().toPath()));
        } catch (InputTooLargeException | IOException e) {
            error.setText(e.getMessage());
            upload.clearFileList();
            discardUpload();
            return;
        }
        importButton.setEnabled(false);
        progress.start(
                file.file().toPath(),
                data -> promptSets.importPrompts(request, data),
                set -> {
                    importButton.setEnabled(true);
                    error.setText("");
                    name.clear();
                    if (uploaded == file) { // not replaced by another upload meanwhile
                        upload.clearFileList();
                        discardUpload();
                    }
                    onImported.accept(set);
                },
                e -> {
                    importButton.setEnabled(true);
                    error.setText(ImportProgress.message(e, PromptImportException.class));
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
