package org.cailab.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The frame around every signed-in page. The side navigation lists the views annotated with {@code @Menu}
 * that the current user may open ({@link MenuConfiguration} applies the views' access annotations), so a
 * crowdworker never sees researcher or admin pages.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication) {
        setPrimarySection(Section.DRAWER);
        Span title = new Span("Constitutional AI Lab");
        title.addClassName("cailab-title");
        addToDrawer(title, navigation());
        addToNavbar(new DrawerToggle(), userBox(authentication));
    }

    /**
     * The pages the user may open, grouped (Crowdwork, Pipeline, Inference, Analysis, Access) by the hundred of their
     * menu order; a group shows only when it has a page for the user, and groups start expanded.
     */
    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setLabel("Navigation");
        nav.setId("main-navigation");
        List<MenuEntry> entries = MenuConfiguration.getMenuEntries();
        Map<NavigationGroups, SideNavItem> groups = new EnumMap<>(NavigationGroups.class);
        for (MenuEntry entry : entries) {
            double order = entry.order() == null ? 0 : entry.order();
            NavigationGroups group = NavigationGroups.all().stream()
                    .filter(g -> g.contains(order))
                    .findFirst()
                    .orElse(null);
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (group == null) {
                nav.addItem(item);
                continue;
            }
            SideNavItem parent = groups.computeIfAbsent(group, g -> {
                SideNavItem groupItem = new SideNavItem(g.label());
                groupItem.setExpanded(true);
                groupItem.addClassName("cailab-nav-group");
                nav.addItem(groupItem);
                return groupItem;
            });
            parent.addItem(item);
        }
        return nav;
    }

    private static Component userBox(AuthenticationContext authentication) {
        HorizontalLayout box = new HorizontalLayout();
        box.addClassName("cailab-user");
        box.setAlignItems(HorizontalLayout.Alignment.CENTER);
        authentication.getPrincipalName().ifPresent(name -> {
            Span user = new Span(name);
            user.setId("current-user");
            Button logout = new Button("Sign out", e -> authentication.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            box.add(user, logout);
        });
        return box;
    }
}
