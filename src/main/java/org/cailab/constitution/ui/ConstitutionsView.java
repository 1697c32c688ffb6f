package org.cailab.constitution.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.cailab.constitution.ConstitutionService;
import org.cailab.constitution.ConstitutionSummary;
import org.cailab.constitution.ConstitutionVersionInfo;
import org.cailab.constitution.ImportedVersion;
import org.cailab.security.Role;

/** All constitutions, the versions of the selected one, and (for admins) import. */
@Route("constitution")
@PageTitle("Constitution | Constitutional AI Lab")
@Menu(title = "Constitution", order = 200)
@RolesAllowed({Role.ADMIN_ROLE, Role.RESEARCHER_ROLE})
class ConstitutionsView extends VerticalLayout {

    private final ConstitutionService service;
    private final Grid<ConstitutionSummary> constitutions = new Grid<>();
    private final Grid<ConstitutionVersionInfo> versions = new Grid<>();
    private final H3 versionsTitle = new H3();

    ConstitutionsView(ConstitutionService service, AuthenticationContext authentication) {
        this.service = service;
        setWidthFull();
        boolean admin = authentication.hasRole(Role.ADMIN_ROLE);
        Button importButton = new Button(
                "Import…",
                e -> new ImportDialog(
                                service,
                                constitutions
                                        .asSingleSelect()
                                        .getOptionalValue()
                                        .orElse(null),
                                this::imported)
                        .open());
        importButton.setVisible(admin);
        HorizontalLayout top = new HorizontalLayout(new H2("Constitutions"), importButton);
        top.setAlignItems(Alignment.BASELINE);

        constitutions.setId("constitution-grid");
        constitutions.addColumn(ConstitutionSummary::name).setHeader("Name").setFlexGrow(2);
        constitutions
                .addColumn(c -> c.activeVersion() == null
                        ? "none"
                        : "v" + c.activeVersion().number())
                .setHeader("Active for new runs")
                .setAutoWidth(true);
        constitutions
                .addColumn(c -> "v" + c.latestVersion().number())
                .setHeader("Newest")
                .setAutoWidth(true);
        constitutions
                .addColumn(ConstitutionSummary::versionCount)
                .setHeader("Versions")
                .setAutoWidth(true);
        constitutions
                .addComponentColumn(c -> new RouterLink(
                        "Edit newest", VersionView.class, c.latestVersion().id()))
                .setHeader("")
                .setAutoWidth(true);
        constitutions.setAllRowsVisible(true);
        constitutions.addSelectionListener(
                e -> showVersions(e.getFirstSelectedItem().orElse(null)));

        versions.setId("version-grid");
        versions.addComponentColumn(v -> new RouterLink("v" + v.number(), VersionView.class, v.id()))
                .setHeader("Version")
                .setAutoWidth(true)
                .setFlexGrow(0);
        versions.addColumn(v -> v.active() ? "active" : "")
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0);
        versions.addColumn(ConstitutionVersionInfo::comment)
                .setHeader("Comment")
                .setFlexGrow(3);
        versions.addColumn(ConstitutionVersionInfo::createdBy).setHeader("By").setAutoWidth(true);
        versions.addColumn(v -> VersionView.WHEN.format(v.createdAt()))
                .setHeader("When")
                .setAutoWidth(true);
        versions.addComponentColumn(v -> {
                    RouterLink link = new RouterLink("History", HistoryView.class, v.constitutionId());
                    if (v.parentVersionId() != null) {
                        link.setText("Diff with v" + v.parentNumber());
                        link.setQueryParameters(HistoryView.query(v.parentVersionId(), v.id()));
                    }
                    return link;
                })
                .setHeader("")
                .setAutoWidth(true);

        add(top, constitutions, versionsTitle, versions);
        refresh(null);
    }

    private void imported(ImportedVersion imported) {
        refresh(imported.version().constitutionId());
    }

    private void refresh(Long selectId) {
        List<ConstitutionSummary> all = service.constitutions();
        constitutions.setItems(all);
        all.stream()
                .filter(c -> selectId == null || c.id() == selectId)
                .findFirst()
                .ifPresentOrElse(constitutions::select, () -> showVersions(null));
    }

    private void showVersions(ConstitutionSummary constitution) {
        versionsTitle.setText(constitution == null ? "" : "Versions of " + constitution.name());
        versions.setItems(constitution == null ? List.of() : service.versions(constitution.id()));
        versions.setVisible(constitution != null);
    }
}
