package org.cailab.constitution.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import org.cailab.constitution.ConstitutionDiff;
import org.cailab.constitution.ConstitutionFormat;
import org.cailab.constitution.ConstitutionService;
import org.cailab.constitution.ConstitutionVersionView;
import org.cailab.constitution.ExportedFile;
import org.cailab.constitution.VersionConflictException;

/**
 * Someone saved a newer version while this admin was editing. Nothing of the edit is lost: it can be downloaded,
 * compared with the newer version, or kept in the editor on top of the newer version and saved again.
 */
final class ConflictDialog extends Dialog {

    ConflictDialog(
            ConstitutionService service, VersionConflictException conflict, ConstitutionDraft draft, Runnable rebased) {
        setHeaderTitle("Someone else saved first");
        setWidth("min(60rem, 95vw)");
        Paragraph message = new Paragraph(conflict.getMessage());
        message.setId("conflict-message");
        ConstitutionVersionView latest = service.version(conflict.latest().id());
        String latestLabel = latest.ref().label();
        add(
                message,
                new Paragraph("Download your changes to keep them in a file, compare them with " + latestLabel
                        + ", or put them on top of " + latestLabel + ": the editor then holds your content with "
                        + latestLabel + " as its parent, and saving replaces what " + latestLabel
                        + " changed (it stays in the history)."));
        String draftName = draft.base().constitutionName() + "-v" + draft.base().number() + "-unsaved.yaml";
        var download = Downloads.link("Download my changes (YAML)", () -> {
            ExportedFile file =
                    ConstitutionService.exportFile(draft.base().ref(), draft.content(), ConstitutionFormat.CAILAB_YAML);
            return new ExportedFile(draftName, file.contentType(), file.bytes());
        });
        Button compare = new Button("Compare with " + latestLabel, e -> {
            Dialog diff = new Dialog(new DiffPanel(
                    ConstitutionDiff.between(latest.content(), draft.content()), latestLabel, "your changes"));
            diff.setHeaderTitle(latestLabel + " → your changes");
            diff.setWidth("min(80rem, 96vw)");
            diff.getFooter().add(new Button("Close", c -> diff.close()));
            diff.open();
        });
        Button rebase = new Button("Put my changes on top of " + latestLabel, e -> {
            draft.rebaseOn(latest);
            rebased.run();
            close();
        });
        rebase.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(download, compare, new Button("Keep editing", e -> close()), rebase);
    }
}
