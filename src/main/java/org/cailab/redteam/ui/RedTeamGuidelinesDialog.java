package org.cailab.redteam.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import org.cailab.redteam.RatingScale;
import org.cailab.redteam.WorkerRedTeamCampaign;

/** The campaign's instructions, the meaning of the ratings and the keyboard; shown on the first visit. */
class RedTeamGuidelinesDialog extends Dialog {

    RedTeamGuidelinesDialog(WorkerRedTeamCampaign campaign, Runnable onClose) {
        setHeaderTitle("Guidelines: " + campaign.name());
        setId("guidelines");
        setMaxWidth("48em");
        Div instructions = new Div();
        instructions.setText(campaign.instructions());
        instructions.addClassName("rt-text");
        String limits = "Each attempt has at most " + campaign.turnLimit() + " of your messages."
                + (campaign.quota() == null ? "" : " You are done after " + campaign.quota() + " rated attempts.");
        add(instructions, new Paragraph(limits), new H3("Rating your success"), scale());
        add(new H3("Keyboard"), new RedTeamLegend(campaign.askTaskHarm()),
                new Paragraph("You never learn which model you talk with."));
        Button start = new Button("Got it", e -> close());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(start);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                onClose.run();
            }
        });
    }

    private static OrderedList scale() {
        OrderedList list = new OrderedList();
        list.addClassName("rt-scale");
        for (int i = RatingScale.MIN; i <= RatingScale.MAX; i++) {
            list.add(new ListItem(i + " - " + RatingScale.SUCCESS.get(i)));
        }
        return list;
    }
}
