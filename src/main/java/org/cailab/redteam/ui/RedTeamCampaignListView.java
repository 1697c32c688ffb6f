package org.cailab.redteam.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.cailab.redteam.OpenRedTeamCampaign;
import org.cailab.redteam.RedTeamService;
import org.cailab.security.Role;

/** The red-team campaigns a worker can work on, with their progress. */
@Route("redteam")
@PageTitle("Red team | Constitutional AI Lab")
@Menu(title = "Red team", order = 110)
@RolesAllowed(Role.WORKER_ROLE)
class RedTeamCampaignListView extends VerticalLayout {

    RedTeamCampaignListView(RedTeamService redTeam) {
        add(new H2("Red team"));
        var open = redTeam.openCampaigns();
        if (open.isEmpty()) {
            add(new Paragraph(
                    "No red-team campaign is open right now. Researchers open campaigns; please come back later."));
        }
        for (OpenRedTeamCampaign campaign : open) {
            RouterLink link = new RouterLink(
                    campaign.name(),
                    RedTeamView.class,
                    new RouteParameters("campaignId", String.valueOf(campaign.id())));
            Span details = new Span(" - rated attempts: " + campaign.attemptsDone()
                    + (campaign.quota() == null ? "" : " of " + campaign.quota()));
            add(new Div(link, details));
        }
    }
}
