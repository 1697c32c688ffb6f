package org.cailab.comparison.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import java.util.Optional;
import org.cailab.base.ui.HomeSection;
import org.cailab.comparison.ComparisonService;
import org.cailab.comparison.OpenCampaign;
import org.cailab.security.Role;

/** A crowdworker's home: the comparison campaigns open to them, with their progress, or why there is none. */
@org.springframework.stereotype.Component
class ComparisonHomeSection implements HomeSection {

    private final AuthenticationContext authentication;
    private final ComparisonService comparisons;

    ComparisonHomeSection(AuthenticationContext authentication, ComparisonService comparisons) {
        this.authentication = authentication;
        this.comparisons = comparisons;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Component> content() {
        if (!authentication.hasRole(Role.WORKER_ROLE)) {
            return Optional.empty();
        }
        Div section = new Div(new H2("Comparisons open to you"));
        section.setId("home-comparisons");
        List<OpenCampaign> open = comparisons.openCampaigns();
        if (open.isEmpty()) {
            section.add(new Paragraph("No comparison campaign is open right now. Researchers open campaigns; "
                    + "please come back later."));
        }
        for (OpenCampaign campaign : open) {
            RouterLink link = new RouterLink(
                    campaign.name(),
                    ComparisonView.class,
                    new RouteParameters("campaignId", String.valueOf(campaign.id())));
            section.add(new Div(
                    link,
                    new Span(" " + campaign.task().label() + " - done: " + campaign.votesDone()
                            + (campaign.quota() == null ? "" : " of " + campaign.quota()))));
        }
        return Optional.of(section);
    }
}
