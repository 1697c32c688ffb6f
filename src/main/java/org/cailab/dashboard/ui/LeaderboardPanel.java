package org.cailab.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.EnumMap;
import java.util.Map;
import org.cailab.comparison.ComparisonTask;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.core.annotation.Order;

/** Panel 1: the leaderboard of each task (snapshot, rating, 95% interval, votes, rank), sortable, with downloads. */
@org.springframework.stereotype.Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Order(10)
class LeaderboardPanel implements DashboardPanel {

    private final VerticalLayout content = new VerticalLayout();
    private final Map<ComparisonTask, LeaderboardTable> tables = new EnumMap<>(ComparisonTask.class);

    LeaderboardPanel() {
        content.setPadding(false);
        for (ComparisonTask task : ComparisonTask.values()) {
            LeaderboardTable table = new LeaderboardTable(task);
            tables.put(task, table);
            content.add(table);
        }
    }

    @Override
    public String title() {
        return "Leaderboards";
    }

    @Override
    public String id() {
        return "leaderboards";
    }

    @Override
    public Component content() {
        return content;
    }

    @Override
    public void refresh(DashboardData data) {
        tables.forEach((task, table) -> table.show(data.leaderboard(task)));
    }
}
