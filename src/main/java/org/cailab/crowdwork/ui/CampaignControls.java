package org.cailab.crowdwork.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.cailab.base.ui.StudyLinkField;
import org.cailab.crowdwork.CampaignException;

/**
 * Shared controls of the campaign lists: the state badge, the open/close button with its confirmation, the small
 * row buttons and the row details with the study link.
 */
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

    /**
     * "Close" (after {@link #confirmClose}) or "Open" for a campaign's row.
     *
     * @param change sets the campaign to the other state; a refusal is shown as a notification
     */
    public static Button openToggle(String campaignName, boolean open, Runnable change) {
        Runnable guarded = () -> {
            try {
                change.run();
            } catch (CampaignException ex) {
                Notification.show(ex.getMessage());
            }
        };
        Button toggle = small(open ? "Close" : "Open", () -> {
            if (open) {
                confirmClose(campaignName, guarded);
            } else {
                guarded.run();
            }
        });
        toggle.setAriaLabel((open ? "Close " : "Open ") + campaignName);
        return toggle;
    }

    /** A small tertiary button, as in a grid row. */
    public static Button small(String label, Runnable action) {
        Button button = new Button(label, e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    /**
     * A campaign row's details: the Prolific study URL (its key lets participants in: shown only to researchers)
     * and the completion code.
     *
     * @param cssPrefix the task type's stylesheet prefix (class {@code <prefix>-text})
     */
    public static VerticalLayout studyLinkDetails(
            long campaignId, String studyLink, String publicBaseUrl, String completionCode, String cssPrefix) {
        StudyLinkField link =
                new StudyLinkField("Prolific study URL", studyLink, publicBaseUrl, "study-link-" + campaignId);
        link.getElement().setAttribute("data-study-link", studyLink);
        Span code = new Span("Completion code: " + completionCode);
        code.addClassName(cssPrefix + "-text");
        return new VerticalLayout(link, code);
    }
}
