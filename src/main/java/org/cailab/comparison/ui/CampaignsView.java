package org.cailab.comparison.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.cailab.comparison.Campaign;
import org.cailab.comparison.CampaignService;
import org.cailab.comparison.ComparisonException;
import org.cailab.comparison.PoolSnapshot;
import org.cailab.security.Role;

import java.util.stream.Collectors;

/** Researchers' list of comparison campaigns: create, edit, open or close, gold items, the Prolific study link. */
@Route("comparison/campaigns")
@PageTitle("Comparison campaigns | Constitutional AI Lab")
@Menu(title = "Comparison campaigns", order = 150)
@RolesAllowed(Role.RESEARCHER_ROLE)
class CampaignsView extends VerticalLayout {

    private final CampaignService campaigns;
    private final Grid<Campaign> grid = new Grid<>();

    CampaignsView(CampaignService campaigns) {
        this.campaigns = campaigns;
        setSizeFull();
        Button create = new Button("New campaign", e -> new CampaignDialog(campaigns, null, this::saved).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-campaign");
        grid.setId("campaign-grid");
        grid.addColumn(Campaign::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(c -> c.settings().task().label()).setHeader("Task").setAutoWidth(true);
        grid.addColumn(c -> c.settings().pool().stream().map(PoolSnapshot::name).collect(Collectors.joining(", ")))
                .setHeader("Pool").setFlexGrow(2);
        grid.addColumn(c -> c.settings().open() ? "open" : "closed").setHeader("Status").setAutoWidth(true);
        grid.addColumn(Campaign::votes).setHeader("Votes").setAutoWidth(true);
        grid.addColumn(Campaign::goldItems).setHeader("Gold items").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(c -> {
            // the key in the link is what lets participants in: shown only to researchers, on this page
            Span link = new Span("Prolific study URL (after your server address): "
                    + campaigns.studyLink(c.id()) + "  - completion code: " + c.settings().completionCode());
            link.getElement().setAttribute("data-study-link", campaigns.studyLink(c.id()));
            link.addClassName("cmp-text");
            return link;
        }));
        add(new HorizontalLayout(new H2("Comparison campaigns"), create), grid);
        refresh();
    }

    private HorizontalLayout actions(Campaign campaign) {
        Button edit = small("Edit", () -> new CampaignDialog(campaigns, campaign, this::saved).open());
        edit.setAriaLabel("Edit " + campaign.name());
        Button gold = small("Gold items", () -> new GoldItemsDialog(campaigns, campaign, this::refresh).open());
        gold.setAriaLabel("Gold items of " + campaign.name());
        boolean open = campaign.settings().open();
        Button toggle = small(open ? "Close" : "Open", () -> {
            try {
                campaigns.setOpen(campaign, !open);
                refresh();
            } catch (ComparisonException ex) {
                Notification.show(ex.getMessage());
            }
        });
        toggle.setAriaLabel((open ? "Close " : "Open ") + campaign.name());
        return new HorizontalLayout(edit, gold, toggle);
    }

    private static Button small(String label, Runnable action) {
        Button button = new Button(label, e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void saved(Campaign campaign) {
        refresh();
        Notification.show("Saved campaign " + campaign.name() + ".", 3000, Notification.Position.BOTTOM_START);
    }

    private void refresh() {
        grid.setItems(campaigns.campaigns());
    }
}
