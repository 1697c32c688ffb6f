package org.cailab.redteam.ui;

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
import org.cailab.redteam.OpenRedTeamCampaign;
import org.cailab.redteam.RedTeamService;
import org.cailab.security.Role;

/** A crowdworker's home: the red-team campaigns open to them, with their progress, or why there is none. */
@org.springframework.stereotype.Component
class RedTeamHomeSection implements HomeSection {

    private final AuthenticationContext authentication;
    private final RedTeamService redTeam;

    RedTeamHomeSection(AuthenticationContext authentication, RedTeamService redTeam) {
        this.authentication = authentication;
        this.redTeam = redTeam;
    }

    @Override
    public int order() {
        return 11;
    }

    @Override
    public Optional<Component> content() {
        if (!authentication.hasRole(Role.WORKER_ROLE)) {
            return Optional.empty();
        }
        Div section = new Div(new H2("Red-team campaigns open to you"));
        section.setId("home-redteam");
        List<OpenRedTeamCampaign> open = redTeam.openCampaigns();
        if (open.isEmpty()) {
            section.add(new Paragraph("No red-team campaign is open right now. Researchers open campaigns; "
                    + "please come back later."));
        }
        for (OpenRedTeamCampaign campaign : open) {
            RouterLink link = new RouterLink(
                    campaign.name(),
                    RedTeamView.class,
                    new RouteParameters("campaignId", String.valueOf(campaign.id())));
            section.add(new Div(
                    link,
                    new Span(" - rated attempts: " + campaign.attemptsDone()
                            + (campaign.quota() == null ? "" : " of " + campaign.quota()))));
        }
        return Optional.of(section);
    }
}
