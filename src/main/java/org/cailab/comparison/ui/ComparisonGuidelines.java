package org.cailab.comparison.ui;

import org.cailab.base.ui.GuidelinesDialog;
import org.cailab.base.ui.ShortcutLegend;
import org.cailab.comparison.WorkerCampaign;

/** The comparison campaign's guidelines: instructions, limits and the keyboard shortcuts. */
final class ComparisonGuidelines {

    private ComparisonGuidelines() {}

    static GuidelinesDialog dialog(WorkerCampaign campaign, Runnable onClose) {
        ShortcutLegend legend = Shortcut.legend("guidelines-shortcut-legend");
        legend.show(Shortcut.legendFor(campaign));
        String limits = "Each conversation has at most " + campaign.turnLimit() + " of your messages."
                + (campaign.quota() == null ? "" : " You are done after " + campaign.quota() + " comparisons.");
        return new GuidelinesDialog(
                campaign.name(),
                campaign.instructions(),
                "cmp-text",
                limits,
                legend,
                "You never learn which models answer: A and B are assigned at random each time.",
                onClose);
    }
}
