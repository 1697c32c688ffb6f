package org.cailab.redteam.ui;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import org.cailab.base.ui.GuidelinesDialog;
import org.cailab.redteam.RatingScale;
import org.cailab.redteam.WorkerRedTeamCampaign;

/** The red-team campaign's guidelines: instructions, limits, the meaning of the ratings and the keyboard. */
final class RedTeamGuidelines {

    private RedTeamGuidelines() {}

    static GuidelinesDialog dialog(WorkerRedTeamCampaign campaign, Runnable onClose) {
        String limits = "Each attempt has at most " + campaign.turnLimit() + " of your messages."
                + (campaign.quota() == null ? "" : " You are done after " + campaign.quota() + " rated attempts.");
        return new GuidelinesDialog(
                campaign.name(),
                campaign.instructions(),
                "rt-text",
                limits,
                RedTeamShortcut.legend(campaign.askTaskHarm()),
                "You never learn which model you talk with.",
                onClose,
                new GuidelinesDialog.Section("Rating your success", scale()));
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
