package org.cailab.redteam.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.cailab.base.InputTooLargeException;
import org.cailab.base.UploadLimits;
import org.cailab.base.ui.ImportProgress;
import org.cailab.redteam.AttemptImport;
import org.cailab.redteam.ExportSelection;
import org.cailab.redteam.RedTeamDataService;
import org.cailab.redteam.RedTeamException;
import org.cailab.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * Researchers import files of red-team attempts (such as hh-rlhf's red_team_attempts.jsonl.gz) and export attempts
 * in the same shape. The upload goes to a temporary file, so even a large file never sits in memory.
 */
@Route("redteam/data")
@PageTitle("Red-team import and export | Constitutional AI Lab")
@Menu(title = "Red-team import / export", order = 170)
@RolesAllowed(Role.RESEARCHER_ROLE)
class RedTeamDataView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final RedTeamDataService data;
    private final Grid<AttemptImport> imports = new Grid<>();
    private final Paragraph result = new Paragraph();
    private final Upload upload = new Upload();
    private final Button importButton = new Button("Import");
    private final ImportProgress progress = new ImportProgress("attempts-import-progress");
    private volatile @Nullable File uploaded;
    private volatile @Nullable String uploadedName;
    private volatile ExportSelection selection = ExportSelection.ALL;
    private volatile boolean gzip = true;

    private final UploadLimits limits;

    RedTeamDataView(RedTeamDataService data, UploadLimits limits) {
        this.data = data;
        this.limits = limits;
        setSizeFull();
        result.setId("import-result");
        add(
                new H2("Red-team import and export"),
                importSection(),
                new H3("Imported files"),
                importsGrid(),
                new H3("Export"),
                exportSection());
        refresh();
    }

    private VerticalLayout importSection() {
        UI ui = UI.getCurrent();
        upload.setUploadHandler(UploadHandler.toTempFile((metadata, file) -> {
            discardUpload();
            uploaded = file;
            uploadedName = metadata.fileName();
            ui.access(() -> result.setText("Uploaded " + metadata.fileName() + ". Press Import to store it."));
        }));
        upload.setId("attempts-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(limits.maxBytesForUpload());
        upload.setAcceptedFileTypes(".gz", ".json", ".jsonl");
        upload.addFileRejectedListener(e -> result.setText(e.getErrorMessage()));
        importButton.addClickListener(e -> importUploaded());
        importButton.setId("import-attempts");
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout section = new VerticalLayout(
                new Paragraph("A file of red-team attempts: one JSON array of "
                        + "records with transcript, rating 0-4, task_description and the other fields of hh-rlhf's "
                        + "red_team_attempts.jsonl.gz, gzip-compressed or not. All records are imported, or none: malformed "
                        + "records are listed by their index in the array."),
                upload,
                importButton,
                progress,
                result);
        section.setPadding(false);
        return section;
    }

    private void importUploaded() {
        File file = uploaded;
        String name = uploadedName;
        if (file == null || name == null) {
            result.setText("Choose a file first.");
            return;
        }
        try {
            limits.check(name, Files.size(file.toPath()));
        } catch (InputTooLargeException | IOException ex) {
            result.setText(ex.getMessage());
            discardUpload();
            upload.clearFileList();
            return;
        }
        importButton.setEnabled(false);
        progress.start(
                file.toPath(),
                in -> data.importAttempts(name, in),
                report -> {
                    importButton.setEnabled(true);
                    result.setText("Imported " + report.records() + " attempts from " + report.fileName() + ".");
                    Notification.show(result.getText(), 5000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    if (uploaded == file) { // not replaced by another upload meanwhile
                        discardUpload();
                        upload.clearFileList();
                    }
                    refresh();
                },
                e -> {
                    importButton.setEnabled(true);
                    result.setText(ImportProgress.message(e, RedTeamException.class));
                });
    }

    private Grid<AttemptImport> importsGrid() {
        imports.setId("imports-grid");
        imports.setAllRowsVisible(true);
        imports.addColumn(AttemptImport::fileName).setHeader("File").setFlexGrow(2);
        imports.addColumn(AttemptImport::records).setHeader("Attempts").setAutoWidth(true);
        imports.addColumn(AttemptImport::importedBy).setHeader("By").setAutoWidth(true);
        imports.addColumn(i -> WHEN.format(i.importedAt())).setHeader("When").setAutoWidth(true);
        imports.addComponentColumn(i -> {
                    Button delete = new Button("Delete", e -> {
                        data.deleteImport(i.id());
                        refresh();
                    });
                    delete.addThemeVariants(
                            ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                    delete.setAriaLabel("Delete import " + i.fileName());
                    return delete;
                })
                .setHeader("")
                .setAutoWidth(true);
        return imports;
    }

    private HorizontalLayout exportSection() {
        Select<ExportSelection> which = new Select<>();
        which.setLabel("Attempts");
        which.setItems(ExportSelection.values());
        which.setItemLabelGenerator(ExportSelection::label);
        which.setValue(ExportSelection.ALL);
        which.addValueChangeListener(e -> selection = e.getValue());
        Checkbox compressed = new Checkbox("gzip", true);
        compressed.addValueChangeListener(e -> gzip = e.getValue());
        DownloadHandler download = event -> {
            boolean compress = gzip;
            event.setFileName("red_team_attempts-" + selection.name().toLowerCase(Locale.ROOT)
                    + (compress ? ".jsonl.gz" : ".json"));
            event.setContentType(compress ? "application/gzip" : "application/json");
            data.exportAttempts(selection, compress, event.getOutputStream());
        };
        Anchor link = new Anchor(download, AttachmentType.DOWNLOAD, "Download");
        link.setId("export-attempts");
        HorizontalLayout row = new HorizontalLayout(which, compressed, link);
        row.setAlignItems(Alignment.BASELINE);
        return row;
    }

    private void discardUpload() {
        File file = uploaded;
        uploaded = null;
        if (file != null) {
            try {
                Files.deleteIfExists(file.toPath());
            } catch (IOException ignored) {
                // a temporary file: the system cleans it up
            }
        }
    }

    private void refresh() {
        imports.setItems(data.imports());
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent detachEvent) {
        discardUpload();
        super.onDetach(detachEvent);
    }
}
