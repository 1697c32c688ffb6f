package org.cailab.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;

/** Page object for the researchers' dashboards. */
public record DashboardPage(Page page) {

    public DashboardPage open() {
        page.navigate("/dashboard");
        return this;
    }

    /** The leaderboard grid of a task ("helpfulness" or "harmlessness"). */
    public Locator leaderboard(String task) {
        return page.locator("#leaderboard-" + task);
    }

    /** "12 rated votes, 3 snapshots, ..." above a task's leaderboard. */
    public Locator summary(String task) {
        return page.locator("#leaderboard-" + task + "-summary");
    }

    /** The cell of one snapshot in a column ("rating" or "votes") of a task's leaderboard. */
    public Locator cell(String task, String snapshot, String column) {
        return leaderboard(task).locator("[data-snapshot='" + snapshot + "'][data-column='" + column + "']");
    }

    public Locator paretoChart() {
        return page.locator("#pareto-chart");
    }

    /** The rating-vs-step chart of a task. */
    public Locator stepChart(String task) {
        return page.locator("#step-chart-" + task);
    }

    /** How often charts.js has drawn the chart. */
    public int renderCount(Locator chart) {
        String rendered = chart.getAttribute("data-rendered");
        return rendered == null ? 0 : Integer.parseInt(rendered);
    }

    /**
     * The names of all data items of all series of a chart, read from ECharts itself; none while the chart's ECharts
     * instance does not exist yet (a wait on this then tries again instead of failing on a slow page).
     */
    @SuppressWarnings("unchecked")
    public List<String> seriesItemNames(Locator chart) {
        return (List<String>) chart.evaluate("""
                el => {
                  const chart = echarts.getInstanceByDom(el);
                  return chart ? chart.getOption().series
                        .flatMap(s => (s.data || []).map(d => d && d.name).filter(n => n)) : [];
                }""");
    }

    /** The tooltip lines of one snapshot's point in the chart's first series. */
    @SuppressWarnings("unchecked")
    public List<String> tooltipLines(Locator chart, String snapshot) {
        return (List<String>) chart.evaluate("""
                (el, name) => (echarts.getInstanceByDom(el).getOption().series[0].data
                        .find(d => d.name === name) || {}).tooltip || []""", snapshot);
    }

    /** Whether the chart's tooltip goes through the escaping formatter of charts.js. */
    public boolean tooltipFormatterIsAFunction(Locator chart) {
        return (Boolean) chart.evaluate(
                "el => typeof echarts.getInstanceByDom(el).getOption().tooltip[0].formatter === 'function'");
    }
}
