package org.cailab.base.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;

/** Shared controls of the comparison and red-team campaign pages: the state badge and the close confirmation. */
public final class CampaignControls {

    private CampaignControls() {}

    /** "Open" in green or "Closed" in grey, so that the state is seen at a glance. */
    public static Span stateBadge(boolean open) {
        Span badge = new Span(open ? "Open" : "Closed");
        badge.getElement().getThemeList().add(open ? "badge success" : "badge contrast");
        badge.addClassName("campaign-state");
        return badge;
    }

    /** Closing stops every worker at once (their next action is refused): ask first. Opening needs no question. */
    public static void confirmClose(String campaignName, Runnable close) {
        ConfirmDialog dialog = new ConfirmDialog(
                "Close " + campaignName + "?",
                "Workers can no longer vote or rate in it; what they are doing now is refused. You can open it again "
                        + "later.",
                "Close campaign",
                e -> close.run());
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }
}
