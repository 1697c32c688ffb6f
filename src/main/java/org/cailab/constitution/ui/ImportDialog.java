package org.cailab.constitution.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.Optional;
import java.util.function.Consumer;
import org.cailab.constitution.ConstitutionEditException;
import org.cailab.constitution.ConstitutionFormat;
import org.cailab.constitution.ConstitutionImportException;
import org.cailab.constitution.ConstitutionService;
import org.cailab.constitution.ConstitutionSummary;
import org.cailab.constitution.ImportedVersion;
import org.jspecify.annotations.Nullable;

/**
 * Uploads one constitution file and imports it as a new constitution or as the next version of the selected one.
 * All or nothing: a malformed file is reported with its name, the entry and the problem, and nothing is saved.
 */
final class ImportDialog extends Dialog {

    private static final String NEW = "New constitution";
    private static final int MAX_BYTES = 5 * 1024 * 1024;

    private @Nullable String fileName;
    private byte @Nullable [] file;

    ImportDialog(
            ConstitutionService service, @Nullable ConstitutionSummary selected, Consumer<ImportedVersion> onImported) {
        setHeaderTitle("Import a constitution file");
        setWidth("min(48rem, 95vw)");
        Paragraph error = new Paragraph();
        error.addClassName("cailab-error");
        error.setId("import-error");
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            fileName = metadata.fileName();
            file = bytes;
            error.setText("");
        }));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setAcceptedFileTypes(".yaml", ".yml", ".json");
        upload.addFileRejectedListener(e -> error.setText(e.getErrorMessage()));
        RadioButtonGroup<String> target = new RadioButtonGroup<>("Import as");
        String nextVersion = selected == null ? null : "Next version of " + selected.name();
        target.setItems(selected == null ? new String[] {NEW} : new String[] {NEW, nextVersion});
        target.setValue(NEW);
        TextField name = new TextField("Name of the new constitution");
        target.addValueChangeListener(e -> name.setVisible(NEW.equals(e.getValue())));
        Select<Optional<ConstitutionFormat>> format = new Select<>();
        format.setLabel("Format");
        format.setItems(
                Optional.empty(),
                Optional.of(ConstitutionFormat.CAILAB_YAML),
                Optional.of(ConstitutionFormat.LLM_SWARM),
                Optional.of(ConstitutionFormat.PAPER_SL_PRINCIPLES),
                Optional.of(ConstitutionFormat.PAPER_RL_PRINCIPLES),
                Optional.of(ConstitutionFormat.PAPER_CRITIQUE_EXAMPLES),
                Optional.of(ConstitutionFormat.PAPER_MC_EXAMPLES),
                Optional.of(ConstitutionFormat.PAPER_COT_EXAMPLES));
        format.setItemLabelGenerator(f -> f.map(ExportFormats::label).orElse("Detect from name or content"));
        format.setValue(Optional.empty());
        TextField comment = new TextField("Comment");
        comment.setValue("Imported");
        FormLayout form = new FormLayout(upload, target, name, format, comment);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(
                form,
                new Paragraph("A file of our YAML format replaces everything; one of the paper's files (or llm-swarm) "
                        + "replaces only the parts it holds when imported as a next version."),
                error);

        Button importButton = new Button("Import", e -> {
            if (file == null || fileName == null) {
                error.setText("Choose a file first.");
                return;
            }
            try {
                ImportedVersion imported = NEW.equals(target.getValue())
                        ? service.importAsNewConstitution(
                                name.getValue(),
                                fileName,
                                file,
                                format.getValue().orElse(null),
                                comment.getValue())
                        : service.importAsNewVersion(
                                selected.latestVersion().id(),
                                fileName,
                                file,
                                format.getValue().orElse(null),
                                comment.getValue());
                Notification.show(
                                "Imported " + imported.version().ref().label()
                                        + (imported.notes().isEmpty()
                                                ? "."
                                                : " with notes: " + String.join("; ", imported.notes())),
                                6000,
                                Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                onImported.accept(imported);
                close();
            } catch (ConstitutionImportException | ConstitutionEditException ex) {
                error.setText("Nothing was imported. " + ex.getMessage());
            }
        });
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), importButton);
    }
}
