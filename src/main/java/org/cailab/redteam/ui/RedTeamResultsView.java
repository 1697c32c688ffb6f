package org.cailab.redteam.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.cailab.redteam.AttemptSource;
import org.cailab.redteam.RatingStats;
import org.cailab.redteam.RedTeamStatsService;
import org.cailab.security.Role;

/** Researchers' aggregates: per snapshot (and imported model), mean success with a 95% interval and the distribution. */
@Route("redteam/results")
@PageTitle("Red-team results | Constitutional AI Lab")
@Menu(title = "Red-team results", order = 410)
@RolesAllowed(Role.RESEARCHER_ROLE)
@StyleSheet("app/redteam.css")
class RedTeamResultsView extends VerticalLayout {

    RedTeamResultsView(RedTeamStatsService stats) {
        setSizeFull();
        Grid<RatingStats> grid = new Grid<>();
        grid.setId("results-grid");
        grid.addColumn(RatingStats::label).setHeader("Model").setFlexGrow(3).setSortable(true);
        grid.addColumn(s -> s.source() == AttemptSource.LIVE ? "our campaigns" : "imported")
                .setHeader("Source")
                .setAutoWidth(true);
        grid.addColumn(s -> s.step() == null ? "" : String.valueOf(s.step()))
                .setHeader("Step")
                .setAutoWidth(true);
        grid.addColumn(RatingStats::n).setHeader("Attempts").setAutoWidth(true).setSortable(true);
        grid.addColumn(s -> String.format(Locale.ROOT, "%.2f", s.mean()))
                .setHeader("Mean success (0-4)")
                .setAutoWidth(true);
        grid.addColumn(s -> s.ciLow() == null || s.ciHigh() == null
                        ? "too few ratings"
                        : String.format(Locale.ROOT, "%.2f to %.2f", s.ciLow(), s.ciHigh()))
                .setHeader("95% interval")
                .setAutoWidth(true);
        grid.addComponentColumn(RatingBar::new).setHeader("Ratings 0 to 4").setFlexGrow(2);
        grid.setItems(stats.bySnapshot());
        add(
                new H2("Red-team results"),
                new Paragraph(
                        "How well red teamers succeeded against each model, rated by "
                                + "themselves from 0 (the model did not do it at all) to 4 (it fully did). The interval is Student's t "
                                + "interval of the mean; the bar shows the share of each rating from 0 (green, left) to 4 (red, right). Imported attempts are grouped by the file's model type and size."),
                grid);
    }
}
