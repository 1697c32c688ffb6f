package org.cailab.constitution.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cailab.constitution.ConstitutionNotFoundException;
import org.cailab.constitution.ConstitutionService;
import org.cailab.constitution.ConstitutionSummary;
import org.cailab.constitution.ConstitutionVersionInfo;
import org.cailab.security.Role;

/**
 * The versions of one constitution, and a side-by-side diff of any two of them
 * ({@code ?from=<version id>&to=<version id>}; by default the newest against its parent).
 */
@Route("constitution/history")
@PageTitle("History | Constitution")
@RolesAllowed({Role.ADMIN_ROLE, Role.RESEARCHER_ROLE})
class HistoryView extends VerticalLayout implements HasUrlParameter<Long> {

    private final ConstitutionService service;

    HistoryView(ConstitutionService service) {
        this.service = service;
        setWidthFull();
    }

    static QueryParameters query(long fromVersionId, long toVersionId) {
        return QueryParameters.simple(Map.of("from", String.valueOf(fromVersionId), "to", String.valueOf(toVersionId)));
    }

    @Override
    public void setParameter(BeforeEvent event, Long constitutionId) {
        removeAll();
        ConstitutionSummary constitution;
        try {
            constitution = service.constitution(constitutionId);
        } catch (ConstitutionNotFoundException e) {
            add(new H2("No such constitution"), new RouterLink("All constitutions", ConstitutionsView.class));
            return;
        }
        List<ConstitutionVersionInfo> versions = service.versions(constitutionId);
        Map<String, List<String>> params =
                event.getLocation().getQueryParameters().getParameters();
        ConstitutionVersionInfo to = pick(versions, params.get("to")).orElse(versions.getFirst());
        ConstitutionVersionInfo from = pick(versions, params.get("from"))
                .orElseGet(() -> pick(
                                versions,
                                to.parentVersionId() == null ? null : List.of(String.valueOf(to.parentVersionId())))
                        .orElse(versions.size() > 1 ? versions.get(1) : to));

        add(new H2("History of " + constitution.name()));
        add(versionGrid(versions));

        Select<ConstitutionVersionInfo> fromSelect = versionSelect("From", versions, from);
        Select<ConstitutionVersionInfo> toSelect = versionSelect("To", versions, to);
        Button compare =
                new Button("Compare", e -> navigate(constitutionId, fromSelect.getValue(), toSelect.getValue()));
        Button swap = new Button("Swap", e -> navigate(constitutionId, toSelect.getValue(), fromSelect.getValue()));
        HorizontalLayout pickers = new HorizontalLayout(fromSelect, toSelect, compare, swap);
        pickers.setAlignItems(FlexComponent.Alignment.BASELINE);
        H3 title =
                new H3("Changes from " + from.ref().label() + " to " + to.ref().label());
        title.setId("diff-title");
        add(
                pickers,
                title,
                new DiffPanel(
                        service.diff(from.id(), to.id()),
                        from.ref().label(),
                        to.ref().label()));
    }

    private Grid<ConstitutionVersionInfo> versionGrid(List<ConstitutionVersionInfo> versions) {
        Grid<ConstitutionVersionInfo> grid = new Grid<>();
        grid.setId("history-grid");
        grid.addComponentColumn(v -> new RouterLink("v" + v.number(), VersionView.class, v.id()))
                .setHeader("Version")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(v -> v.active() ? "active" : "")
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ConstitutionVersionInfo::comment).setHeader("Comment").setFlexGrow(3);
        grid.addColumn(ConstitutionVersionInfo::createdBy).setHeader("By").setAutoWidth(true);
        grid.addColumn(v -> VersionView.WHEN.format(v.createdAt()))
                .setHeader("When")
                .setAutoWidth(true);
        grid.addColumn(v -> v.parentNumber() == null ? "" : "v" + v.parentNumber())
                .setHeader("Parent")
                .setAutoWidth(true);
        grid.setItems(versions);
        grid.setAllRowsVisible(versions.size() <= 10);
        return grid;
    }

    private static Select<ConstitutionVersionInfo> versionSelect(
            String label, List<ConstitutionVersionInfo> versions, ConstitutionVersionInfo value) {
        Select<ConstitutionVersionInfo> select = new Select<>();
        select.setLabel(label);
        select.setItems(versions);
        select.setItemLabelGenerator(v -> "v" + v.number() + ": " + FewShotPanel.shorten(v.comment(), 50));
        select.setValue(value);
        return select;
    }

    private void navigate(long constitutionId, ConstitutionVersionInfo from, ConstitutionVersionInfo to) {
        getUI().ifPresent(ui -> ui.navigate(HistoryView.class, constitutionId, query(from.id(), to.id())));
    }

    private static Optional<ConstitutionVersionInfo> pick(List<ConstitutionVersionInfo> versions, List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return Optional.empty();
        }
        return versions.stream()
                .filter(v -> String.valueOf(v.id()).equals(ids.getFirst()))
                .findFirst();
    }
}
