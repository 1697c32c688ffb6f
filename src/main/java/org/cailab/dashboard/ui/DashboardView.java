package org.cailab.dashboard.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.cailab.comparison.ComparisonTask;
import org.cailab.dashboard.LeaderboardEntry;
import org.cailab.dashboard.RatingMethod;
import org.cailab.dashboard.RatingQuery;
import org.cailab.dashboard.RatingsService;
import org.cailab.dashboard.RatingsSubscription;
import org.cailab.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * The research dashboards: the settings the ratings are computed with, then one section per {@link DashboardPanel}.
 * Numbers follow new votes without a reload: the page listens to the ratings service and redraws through push.
 */
@Route("dashboard")
@PageTitle("Dashboards | Constitutional AI Lab")
@Menu(title = "Dashboards", order = 400)
@RolesAllowed({Role.RESEARCHER_ROLE, Role.ADMIN_ROLE})
class DashboardView extends VerticalLayout {

    private final RatingsService ratings;
    private final List<DashboardPanel> panels;
    private final List<Span> problems = new ArrayList<>();
    private final Select<RatingMethod> method = new Select<>();
    private final ComboBox<String> anchor = new ComboBox<>("Anchor (fixed at 0)");
    private final IntegerField rounds = new IntegerField("Bootstrap rounds");
    private final Span updated = new Span();
    private @Nullable RatingsSubscription subscription;
    private boolean updatingChoices;

    DashboardView(RatingsService ratings, List<DashboardPanel> panels) {
        this.ratings = ratings;
        this.panels = List.copyOf(panels);
        setWidthFull();
        add(
                new H2("Dashboards"),
                new Paragraph("Helpfulness and harmlessness are rated separately from the votes of "
                        + "their campaigns; votes flagged for an identity leak and votes of excluded workers are left out. "
                        + "Rating intervals are 95% bootstrap intervals. The page updates itself when votes or red-team "
                        + "ratings arrive."),
                settings());
        for (DashboardPanel panel : this.panels) {
            Span problem = new Span();
            problem.addClassName("cailab-problem");
            problem.setVisible(false);
            problems.add(problem);
            Section section = new Section(new H3(panel.title()), problem, panel.content());
            section.setId("panel-" + panel.id());
            section.setWidthFull();
            add(section);
        }
    }

    private HorizontalLayout settings() {
        method.setLabel("Method");
        method.setItems(RatingMethod.values());
        method.setItemLabelGenerator(RatingMethod::label);
        method.setValue(RatingMethod.BT);
        anchor.setPlaceholder("none: mean 1000");
        anchor.setClearButtonVisible(true);
        anchor.setItems(List.of());
        rounds.setMin(0);
        rounds.setMax(RatingQuery.MAX_BOOTSTRAP_ROUNDS);
        rounds.setStep(50);
        rounds.setStepButtonsVisible(true);
        rounds.setValue(RatingQuery.DEFAULT_BOOTSTRAP_ROUNDS);
        method.addValueChangeListener(e -> refresh());
        anchor.addValueChangeListener(e -> {
            if (!updatingChoices) {
                refresh();
            }
        });
        rounds.addValueChangeListener(e -> refresh());
        updated.setId("dashboard-updated");
        HorizontalLayout bar = new HorizontalLayout(method, anchor, rounds, updated);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private RatingQuery query() {
        Integer n = rounds.getValue();
        int bootstrap = n == null || n < 0 ? 0 : Math.min(n, RatingQuery.MAX_BOOTSTRAP_ROUNDS);
        return new RatingQuery(
                ComparisonTask.HELPFULNESS,
                Objects.requireNonNullElse(method.getValue(), RatingMethod.BT),
                anchor.getValue(),
                bootstrap);
    }

    /** Recomputes (or takes from the cache) and redraws every panel; the UI is locked. */
    private void refresh() {
        DashboardData data = new DashboardData(ratings, query());
        for (int i = 0; i < panels.size(); i++) {
            Span problem = problems.get(i);
            try {
                panels.get(i).refresh(data);
                problem.setVisible(false);
            } catch (IllegalArgumentException e) {
                problem.setText(e.getMessage());
                problem.setVisible(true);
            }
        }
        updateAnchorChoices(data);
        updated.setText("Updated " + java.time.LocalTime.now().withNano(0));
    }

    private void updateAnchorChoices(DashboardData data) {
        TreeSet<String> names = new TreeSet<>();
        for (ComparisonTask task : ComparisonTask.values()) {
            try {
                data.leaderboard(task).entries().stream()
                        .map(LeaderboardEntry::snapshot)
                        .forEach(names::add);
            } catch (IllegalArgumentException e) {
                // the anchor is missing from this task; the panels already say so
            }
        }
        if (anchor.getValue() != null) {
            names.add(anchor.getValue());
        }
        List<String> choices = List.copyOf(names);
        if (!choices.equals(anchor.getListDataView().getItems().toList())) {
            String chosen = anchor.getValue();
            updatingChoices = true;
            try {
                anchor.setItems(choices);
                anchor.setValue(chosen);
            } finally {
                updatingChoices = false;
            }
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        subscription = ratings.subscribe(change -> ui.access(this::refresh));
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        super.onDetach(detachEvent);
    }
}
