package org.cailab.comparison.ui;

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
import org.cailab.comparison.ComparisonService;
import org.cailab.comparison.OpenCampaign;
import org.cailab.security.Role;

/** The campaigns a worker can work on, with their progress. */
@Route("compare")
@PageTitle("Compare | Constitutional AI Lab")
@Menu(title = "Compare", order = 100)
@RolesAllowed(Role.WORKER_ROLE)
class WorkerCampaignsView extends VerticalLayout {

    WorkerCampaignsView(ComparisonService comparisons) {
        add(new H2("Comparisons"));
        var open = comparisons.openCampaigns();
        if (open.isEmpty()) {
            add(new Paragraph(
                    "No comparison campaign is open right now. Researchers open campaigns; please come back later."));
        }
        for (OpenCampaign campaign : open) {
            RouterLink link = new RouterLink(
                    campaign.name(),
                    ComparisonView.class,
                    new RouteParameters("campaignId", String.valueOf(campaign.id())));
            Span details = new Span(" " + campaign.task().label() + " - done: " + campaign.votesDone()
                    + (campaign.quota() == null ? "" : " of " + campaign.quota()));
            add(new Div(link, details));
        }
    }
}
