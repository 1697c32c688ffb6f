package org.cailab.comparison.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;
import org.cailab.base.CailabProperties;
import org.cailab.comparison.Campaign;
import org.cailab.comparison.CampaignService;
import org.cailab.crowdwork.PoolSnapshot;
import org.cailab.crowdwork.ui.CampaignControls;
import org.cailab.security.Role;

/** Researchers' list of comparison campaigns: create, edit, open or close, gold items, the Prolific study link. */
@Route("comparison/campaigns")
@PageTitle("Comparison campaigns | Constitutional AI Lab")
@Menu(title = "Comparison campaigns", order = 150)
@RolesAllowed(Role.RESEARCHER_ROLE)
class CampaignsView extends VerticalLayout {

    private final CampaignService campaigns;
    private final @org.jspecify.annotations.Nullable String publicBaseUrl;
    private final Grid<Campaign> grid = new Grid<>();

    CampaignsView(CampaignService campaigns, CailabProperties properties) {
        this.campaigns = campaigns;
        this.publicBaseUrl = properties.publicBaseUrl();
        setSizeFull();
        Button create = new Button("New campaign", e -> new CampaignDialog(campaigns, null, this::saved).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-campaign");
        grid.setId("campaign-grid");
        grid.addColumn(Campaign::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(c -> c.settings().task().label()).setHeader("Task").setAutoWidth(true);
        grid.addColumn(c -> c.settings().pool().stream().map(PoolSnapshot::name).collect(Collectors.joining(", ")))
                .setHeader("Pool")
                .setFlexGrow(2);
        grid.addComponentColumn(c -> CampaignControls.stateBadge(c.settings().open()))
                .setHeader("Status")
                .setAutoWidth(true);
        grid.addColumn(Campaign::votes).setHeader("Votes").setAutoWidth(true);
        grid.addColumn(Campaign::goldItems).setHeader("Gold items").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true);
        grid.setItemDetailsRenderer(
                new com.vaadin.flow.data.renderer.ComponentRenderer<>(c -> CampaignControls.studyLinkDetails(
                        c.id(),
                        campaigns.studyLink(c.id()),
                        publicBaseUrl,
                        c.settings().completionCode(),
                        "cmp")));
        add(new HorizontalLayout(new H2("Comparison campaigns"), create), grid);
        refresh();
    }

    private HorizontalLayout actions(Campaign campaign) {
        Button edit = CampaignControls.small("Edit", () -> new CampaignDialog(campaigns, campaign, this::saved).open());
        edit.setAriaLabel("Edit " + campaign.name());
        Button gold = CampaignControls.small(
                "Gold items", () -> new GoldItemsDialog(campaigns, campaign, this::refresh).open());
        gold.setAriaLabel("Gold items of " + campaign.name());
        Button toggle =
                CampaignControls.openToggle(campaign.name(), campaign.settings().open(), () -> {
                    campaigns.setOpen(campaign, !campaign.settings().open());
                    refresh();
                });
        return new HorizontalLayout(edit, gold, toggle);
    }

    private void saved(Campaign campaign) {
        refresh();
        Notification.show("Saved campaign " + campaign.name() + ".", 3000, Notification.Position.BOTTOM_START);
    }

    private void refresh() {
        grid.setItems(campaigns.campaigns());
    }
}
