package org.cailab.comparison.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import org.cailab.comparison.WorkerCampaign;

/** The campaign's instructions for workers, with the keyboard shortcuts; shown on the first visit. */
class GuidelinesDialog extends Dialog {

    GuidelinesDialog(WorkerCampaign campaign, Runnable onClose) {
        setHeaderTitle("Guidelines: " + campaign.name());
        setId("guidelines");
        setMaxWidth("48em");
        Div instructions = new Div();
        instructions.setText(campaign.instructions());
        instructions.addClassName("cmp-text");
        ShortcutLegend legend = new ShortcutLegend("guidelines-shortcut-legend");
        legend.show(campaign);
        String limits = "Each conversation has at most " + campaign.turnLimit() + " of your messages."
                + (campaign.quota() == null ? "" : " You are done after " + campaign.quota() + " comparisons.");
        add(instructions, new Paragraph(limits), new H3("Keyboard"), legend,
                new Paragraph("You never learn which models answer: A and B are assigned at random each time."));
        Button start = new Button("Got it", e -> close());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(start);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                onClose.run();
            }
        });
    }
}
