package org.cailab.redteam.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;
import org.cailab.base.CailabProperties;
import org.cailab.crowdwork.PoolSnapshot;
import org.cailab.crowdwork.ui.CampaignControls;
import org.cailab.redteam.RedTeamCampaign;
import org.cailab.redteam.RedTeamCampaignService;
import org.cailab.security.Role;

/** Researchers' list of red-team campaigns: create, edit, open or close, the Prolific study link. */
@Route("redteam/campaigns")
@PageTitle("Red-team campaigns | Constitutional AI Lab")
@Menu(title = "Red-team campaigns", order = 160)
@RolesAllowed(Role.RESEARCHER_ROLE)
class RedTeamCampaignsView extends VerticalLayout {

    private final RedTeamCampaignService campaigns;
    private final @org.jspecify.annotations.Nullable String publicBaseUrl;
    private final Grid<RedTeamCampaign> grid = new Grid<>();

    RedTeamCampaignsView(RedTeamCampaignService campaigns, CailabProperties properties) {
        this.campaigns = campaigns;
        this.publicBaseUrl = properties.publicBaseUrl();
        setSizeFull();
        Button create = new Button("New campaign", e -> new RedTeamCampaignDialog(campaigns, null, this::saved).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-campaign");
        grid.setId("redteam-campaign-grid");
        grid.addColumn(RedTeamCampaign::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(c -> c.settings().pool().stream().map(PoolSnapshot::name).collect(Collectors.joining(", ")))
                .setHeader("Pool")
                .setFlexGrow(2);
        grid.addColumn(c -> c.settings().turnLimit()).setHeader("Messages").setAutoWidth(true);
        grid.addColumn(c -> c.settings().quotaPerWorker() == null
                        ? ""
                        : String.valueOf(c.settings().quotaPerWorker()))
                .setHeader("Quota")
                .setAutoWidth(true);
        grid.addComponentColumn(c -> CampaignControls.stateBadge(c.settings().open()))
                .setHeader("Status")
                .setAutoWidth(true);
        grid.addColumn(RedTeamCampaign::ratedAttempts)
                .setHeader("Rated attempts")
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(c -> CampaignControls.studyLinkDetails(
                c.id(), campaigns.studyLink(c.id()), publicBaseUrl, c.settings().completionCode(), "rt")));
        add(new HorizontalLayout(new H2("Red-team campaigns"), create), grid);
        refresh();
    }

    private HorizontalLayout actions(RedTeamCampaign campaign) {
        Button edit = CampaignControls.small(
                "Edit", () -> new RedTeamCampaignDialog(campaigns, campaign, this::saved).open());
        edit.setAriaLabel("Edit " + campaign.name());
        Button toggle =
                CampaignControls.openToggle(campaign.name(), campaign.settings().open(), () -> {
                    campaigns.setOpen(campaign, !campaign.settings().open());
                    refresh();
                });
        return new HorizontalLayout(edit, toggle);
    }

    private void saved(RedTeamCampaign campaign) {
        refresh();
        Notification.show("Saved campaign " + campaign.name() + ".", 3000, Notification.Position.BOTTOM_START);
    }

    private void refresh() {
        grid.setItems(campaigns.campaigns());
    }
}
