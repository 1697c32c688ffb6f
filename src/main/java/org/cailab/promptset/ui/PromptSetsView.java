package org.cailab.promptset.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import org.cailab.promptset.Prompt;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetService;
import org.cailab.security.Role;

/** Researcher page: import prompt sets and look at their prompts. */
@Route("prompt-sets")
@PageTitle("Prompt sets | Constitutional AI Lab")
@Menu(title = "Prompt sets", order = 210)
@RolesAllowed(Role.RESEARCHER_ROLE)
class PromptSetsView extends VerticalLayout {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int PREVIEW = 200;

    private final PromptSetService promptSets;
    private final Grid<PromptSet> sets = new Grid<>();
    private final Grid<Prompt> prompts = new Grid<>();
    private final H3 promptsTitle = new H3();

    PromptSetsView(PromptSetService promptSets, org.cailab.base.UploadLimits uploadLimits) {
        this.promptSets = promptSets;
        setSizeFull();
        sets.setId("prompt-set-grid");
        sets.addColumn(PromptSet::name).setHeader("Name").setAutoWidth(true).setFlexGrow(2);
        sets.addColumn(s -> s.kind().label()).setHeader("Kind").setAutoWidth(true);
        sets.addColumn(PromptSet::promptCount).setHeader("Prompts").setAutoWidth(true);
        sets.addColumn(PromptSet::duplicatesSkipped)
                .setHeader("Duplicates skipped")
                .setAutoWidth(true);
        sets.addColumn(PromptSet::recordsRead).setHeader("Records read").setAutoWidth(true);
        sets.addColumn(s -> s.format().label() + ", " + s.extraction().label())
                .setHeader("Imported as")
                .setFlexGrow(2);
        sets.addColumn(PromptSet::sourceName).setHeader("File").setFlexGrow(1);
        sets.addColumn(s -> CREATED.format(s.createdAt()) + " by " + s.createdBy())
                .setHeader("Created")
                .setAutoWidth(true);
        sets.setHeight("280px");
        sets.asSingleSelect().addValueChangeListener(e -> showPrompts(e.getValue()));

        prompts.setId("prompt-grid");
        prompts.addColumn(Prompt::position).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        prompts.addColumn(p -> p.turns().size())
                .setHeader("Turns")
                .setAutoWidth(true)
                .setFlexGrow(0);
        prompts.addColumn(Prompt::transcript)
                .setHeader("Conversation (ends with the prompt)")
                .setFlexGrow(1);
        prompts.setVisible(false);

        add(
                new H2("Prompt sets"),
                new PromptImportForm(promptSets, uploadLimits, this::imported),
                sets,
                promptsTitle,
                prompts);
        refresh();
    }

    private void imported(PromptSet set) {
        refresh();
        sets.select(set);
        Notification.show(
                        "Imported " + set.promptCount() + " prompts into '" + set.name() + "' ("
                                + set.duplicatesSkipped() + " duplicates skipped).",
                        4000,
                        Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void showPrompts(PromptSet set) {
        prompts.setVisible(set != null);
        if (set == null) {
            promptsTitle.setText("");
            return;
        }
        promptsTitle.setText(set.name() + ": " + (set.promptCount() > PREVIEW ? "first " + PREVIEW + " of " : "")
                + set.promptCount() + " prompts");
        prompts.setItems(promptSets.prompts(set.id(), 0, PREVIEW));
    }

    private void refresh() {
        sets.setItems(promptSets.findAll());
    }
}
