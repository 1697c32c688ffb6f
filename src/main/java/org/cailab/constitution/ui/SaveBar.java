package org.cailab.constitution.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.cailab.constitution.ConstitutionEditException;
import org.cailab.constitution.ConstitutionService;
import org.cailab.constitution.ConstitutionVersionInfo;
import org.cailab.constitution.InvalidConstitutionException;
import org.cailab.constitution.ValidationProblem;
import org.cailab.constitution.VersionConflictException;

/** Saves the draft as a new version with a comment; refusals keep the draft and say why. */
final class SaveBar extends HorizontalLayout {

    private final ConstitutionService service;
    private final ConstitutionDraft draft;
    private final TextField comment = new TextField("Comment");
    private final Checkbox activate = new Checkbox("Use for new runs");
    private final Span status = new Span();
    private final Span problems = new Span();

    SaveBar(
            ConstitutionService service,
            ConstitutionDraft draft,
            Consumer<ConstitutionVersionInfo> onSaved,
            Consumer<VersionConflictException> onConflict) {
        this.service = service;
        this.draft = draft;
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        addClassName("cailab-save-bar");
        comment.setPlaceholder("What does this version change?");
        comment.setWidth("28rem");
        comment.setMaxLength(1000);
        activate.setValue(draft.base().active());
        status.addClassName("cailab-muted");
        status.setId("draft-status");
        problems.addClassName("cailab-error");
        problems.setId("save-problems");
        Button save = new Button("Save as new version", e -> save(onSaved, onConflict));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(comment, activate, save, status, problems);
        refresh();
    }

    /** Updates the "unsaved changes" line; called after every edit. */
    void refresh() {
        status.setText(
                draft.isDirty()
                        ? "Unsaved changes on top of " + draft.base().ref().label()
                        : "No changes to " + draft.base().ref().label());
    }

    private void save(Consumer<ConstitutionVersionInfo> onSaved, Consumer<VersionConflictException> onConflict) {
        comment.setInvalid(false);
        problems.setText("");
        if (!draft.isDirty()) {
            problems.setText(
                    "Nothing to save: the content equals " + draft.base().ref().label() + ".");
            return;
        }
        try {
            onSaved.accept(service.saveNewVersion(
                    draft.base().id(), draft.content(), comment.getValue(), activate.getValue()));
        } catch (VersionConflictException e) {
            onConflict.accept(e);
        } catch (InvalidConstitutionException e) {
            problems.setText("Not saved: "
                    + e.problems().stream().map(ValidationProblem::toString).collect(Collectors.joining("; ")));
        } catch (ConstitutionEditException e) {
            comment.setErrorMessage(e.getMessage());
            comment.setInvalid(true);
        }
    }
}
