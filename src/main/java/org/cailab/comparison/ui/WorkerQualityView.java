package org.cailab.comparison.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.cailab.comparison.Campaign;
import org.cailab.comparison.CampaignService;
import org.cailab.comparison.WorkerQuality;
import org.cailab.comparison.WorkerQualityService;
import org.cailab.security.Role;

/** Admins' view of how each worker votes, with the switch that keeps a worker's votes out of the ratings. */
@Route("comparison/quality")
@PageTitle("Worker quality | Constitutional AI Lab")
@Menu(title = "Worker quality", order = 180)
@RolesAllowed(Role.ADMIN_ROLE)
class WorkerQualityView extends VerticalLayout {

    private final WorkerQualityService quality;
    private final ComboBox<Campaign> campaign = new ComboBox<>("Campaign");
    private final Grid<WorkerQuality> grid = new Grid<>();

    WorkerQualityView(WorkerQualityService quality, CampaignService campaigns) {
        this.quality = quality;
        setSizeFull();
        campaign.setItems(campaigns.campaigns());
        campaign.setItemLabelGenerator(Campaign::name);
        campaign.setPlaceholder("All campaigns");
        campaign.setClearButtonVisible(true);
        campaign.addValueChangeListener(e -> refresh());
        grid.setId("quality-grid");
        grid.addColumn(WorkerQuality::username)
                .setHeader("Worker")
                .setFlexGrow(2)
                .setSortable(true);
        grid.addColumn(WorkerQuality::votes).setHeader("Votes").setSortable(true);
        grid.addColumn(q -> q.medianTimeToVote() == null
                        ? ""
                        : String.format(
                                Locale.ROOT, "%.1f s", q.medianTimeToVote().toMillis() / 1000.0))
                .setHeader("Median time to vote");
        grid.addComponentColumn(q -> {
                    com.vaadin.flow.component.html.Span fast = new com.vaadin.flow.component.html.Span(
                            q.fastVotes() + " of " + q.votes() + (q.implausiblyFast() ? " - implausibly fast" : ""));
                    if (q.implausiblyFast()) {
                        fast.getElement().getThemeList().add("badge error");
                    }
                    return fast;
                })
                .setHeader("Votes under " + WorkerQualityService.FAST_VOTE.toSeconds() + " s")
                .setAutoWidth(true);
        grid.addColumn(q -> q.goldAgreement() == null
                        ? "no gold checks"
                        : q.goldCorrect() + " of " + q.goldAnswered() + " (" + percent(q.goldAgreement()) + ")")
                .setHeader("Agreement with gold");
        grid.addColumn(q -> q.shareA() == null ? "" : percent(q.shareA()) + " of " + q.sideVotes())
                .setHeader("\"A\" votes (position bias)");
        grid.addColumn(WorkerQuality::identityLeaks).setHeader("Identity leaks");
        grid.addComponentColumn(this::excludedBox)
                .setHeader("Excluded from ratings")
                .setAutoWidth(true);
        add(
                new H2("Worker quality"),
                new Paragraph("Agreement with gold checks below chance, votes faster than anyone "
                        + "can read two answers (flagged \"implausibly fast\"), or a share of \"A\" far from 50% suggest careless work. Excluding a worker keeps their votes stored but "
                        + "out of the ratings; it can be undone."),
                campaign,
                grid);
        refresh();
    }

    private Checkbox excludedBox(WorkerQuality row) {
        Checkbox box = new Checkbox(row.excluded());
        box.setAriaLabel("Exclude " + row.username() + " from ratings");
        box.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                quality.setExcluded(row.workerId(), e.getValue());
                refresh();
            }
        });
        return box;
    }

    private void refresh() {
        grid.setItems(quality.quality(
                campaign.getValue() == null ? null : campaign.getValue().id()));
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
