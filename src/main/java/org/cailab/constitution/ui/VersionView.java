package org.cailab.constitution.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.cailab.constitution.ConstitutionFormat;
import org.cailab.constitution.ConstitutionNotFoundException;
import org.cailab.constitution.ConstitutionService;
import org.cailab.constitution.ConstitutionSummary;
import org.cailab.constitution.ConstitutionVersionInfo;
import org.cailab.constitution.ConstitutionVersionView;
import org.cailab.constitution.RlPrinciple;
import org.cailab.constitution.SlPrinciple;
import org.cailab.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * One version: its principles and few-shot examples. Admins edit a draft of it and save the draft as a new
 * version with a comment; researchers read it, preview prompts and export it.
 */
@Route("constitution/version")
@RolesAllowed({Role.ADMIN_ROLE, Role.RESEARCHER_ROLE})
class VersionView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle, BeforeLeaveObserver {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ConstitutionService service;
    private final boolean admin;
    private @Nullable ConstitutionDraft draft;
    private boolean leaving;
    private String title = "Constitution";

    VersionView(ConstitutionService service, AuthenticationContext authentication) {
        this.service = service;
        this.admin = authentication.hasRole(Role.ADMIN_ROLE);
        setWidthFull();
    }

    @Override
    public void setParameter(BeforeEvent event, Long versionId) {
        removeAll();
        ConstitutionVersionView version;
        try {
            version = service.version(versionId);
        } catch (ConstitutionNotFoundException e) {
            add(
                    new H2("No such version"),
                    new Paragraph(e.getMessage()),
                    new RouterLink("All constitutions", ConstitutionsView.class));
            return;
        }
        ConstitutionSummary constitution = service.constitution(version.info().constitutionId());
        ConstitutionDraft current = new ConstitutionDraft(version);
        draft = current;
        title = version.ref().label() + " | Constitution";
        add(header(version.info(), constitution), toolbar(version, current));

        SaveBar saveBar =
                admin ? new SaveBar(service, current, this::saved, conflict -> conflict(conflict, current)) : null;
        Runnable changed = () -> {
            if (saveBar != null) {
                saveBar.refresh();
            }
        };
        ItemListPanel<SlPrinciple> sl = new ItemListPanel<>(
                        "sl-principles",
                        "Add SL principle",
                        current.sl,
                        SlPrinciple::key,
                        (p, apply) -> PrincipleDialogs.openSl(
                                p,
                                current.sl.stream()
                                        .filter(o -> o != p)
                                        .map(SlPrinciple::key)
                                        .collect(Collectors.toSet()),
                                admin,
                                apply),
                        admin,
                        changed)
                .enabledColumn(
                        SlPrinciple::enabled,
                        (p, on) -> new SlPrinciple(p.key(), p.critiqueRequest(), p.revisionRequest(), on))
                .column("Key", SlPrinciple::key, 1)
                .column("Critique request", SlPrinciple::critiqueRequest, 3)
                .column("Revision request", SlPrinciple::revisionRequest, 3)
                .done();
        ItemListPanel<RlPrinciple> rl = new ItemListPanel<>(
                        "rl-principles",
                        "Add RL principle",
                        current.rl,
                        RlPrinciple::key,
                        (p, apply) -> PrincipleDialogs.openRl(
                                p,
                                current.rl.stream()
                                        .filter(o -> o != p)
                                        .map(RlPrinciple::key)
                                        .collect(Collectors.toSet()),
                                admin,
                                apply),
                        admin,
                        changed)
                .enabledColumn(RlPrinciple::enabled, (p, on) -> new RlPrinciple(p.key(), p.instruction(), on))
                .column("Key", RlPrinciple::key, 1)
                .column("Instruction", RlPrinciple::instruction, 6)
                .done();
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add("SL principles", sl);
        tabs.add("RL principles", rl);
        tabs.add("Few-shot examples", new FewShotPanel(current, admin, changed));
        add(tabs);
        if (saveBar != null) {
            add(saveBar);
        }
    }

    private VerticalLayout header(ConstitutionVersionInfo info, ConstitutionSummary constitution) {
        H2 heading = new H2(info.ref().label());
        heading.setId("version-title");
        HorizontalLayout line = new HorizontalLayout(heading);
        line.setAlignItems(FlexComponent.Alignment.CENTER);
        if (info.active()) {
            Span badge = new Span("active");
            badge.getElement().getThemeList().add("badge success");
            line.add(badge);
        }
        Paragraph meta = new Paragraph("Saved by " + info.createdBy() + " on " + WHEN.format(info.createdAt())
                + (info.parentNumber() != null ? " from v" + info.parentNumber() : "") + ": \u201c" + info.comment()
                + "\u201d");
        meta.setId("version-meta");
        VerticalLayout header = new VerticalLayout(line, meta);
        header.setPadding(false);
        header.setSpacing(false);
        if (constitution.latestVersion().id() != info.id()) {
            RouterLink latest = new RouterLink(
                    "open " + constitution.latestVersion().label(),
                    VersionView.class,
                    constitution.latestVersion().id());
            header.add(new Paragraph(
                    new Span("This is not the newest version. Edits saved from here are refused "
                            + "as a conflict, where you can put them on top of the newest one; or "),
                    latest));
        }
        return header;
    }

    private HorizontalLayout toolbar(ConstitutionVersionView version, ConstitutionDraft current) {
        ConstitutionVersionInfo info = version.info();
        Button preview = new Button(
                "Preview prompt",
                e -> new PreviewDialog(
                                current.content(),
                                info.ref().label() + (current.isDirty() ? " with unsaved changes" : ""))
                        .open());
        RouterLink history = new RouterLink("History", HistoryView.class, info.constitutionId());
        HorizontalLayout bar = new HorizontalLayout(preview, history);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        if (info.parentVersionId() != null) {
            RouterLink compare =
                    new RouterLink("Compare with v" + info.parentNumber(), HistoryView.class, info.constitutionId());
            compare.setQueryParameters(HistoryView.query(info.parentVersionId(), info.id()));
            compare.setId("compare-with-parent");
            bar.add(compare);
        }
        Select<ConstitutionFormat> format = new Select<>();
        format.setAriaLabel("Export format");
        format.setWidth("18rem");
        format.setItems(ConstitutionFormat.values());
        format.setItemLabelGenerator(ExportFormats::label);
        format.setValue(ConstitutionFormat.CAILAB_YAML);
        ExportFormats.Choice chosen = new ExportFormats.Choice(ConstitutionFormat.CAILAB_YAML);
        format.addValueChangeListener(e -> chosen.set(e.getValue()));
        bar.add(format, Downloads.link("Export", () -> service.export(info.id(), chosen.get())));
        if (admin && !info.active()) {
            bar.add(new Button("Use for new runs", e -> {
                service.setActive(info.id());
                notify("New runs of " + info.constitutionName() + " now use "
                        + info.ref().label() + ".");
                getUI().ifPresent(ui -> ui.navigate(VersionView.class, info.id()));
            }));
        }
        return bar;
    }

    private void saved(ConstitutionVersionInfo saved) {
        leaving = true;
        notify("Saved " + saved.ref().label() + ".");
        getUI().ifPresent(ui -> ui.navigate(VersionView.class, saved.id()));
    }

    private void conflict(org.cailab.constitution.VersionConflictException conflict, ConstitutionDraft current) {
        new ConflictDialog(service, conflict, current, () -> {
                    notify("Your changes now sit on top of "
                            + current.base().ref().label() + "; review them and save again.");
                    getChildren()
                            .filter(c -> c instanceof SaveBar)
                            .map(SaveBar.class::cast)
                            .forEach(SaveBar::refresh);
                })
                .open();
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (leaving || draft == null || !draft.isDirty()) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        ConfirmDialog confirm = new ConfirmDialog(
                "Discard unsaved changes?",
                "Your edits of " + draft.base().ref().label() + " are not saved.",
                "Discard",
                e -> {
                    leaving = true;
                    action.proceed();
                });
        confirm.setCancelable(true);
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private static void notify(String message) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
