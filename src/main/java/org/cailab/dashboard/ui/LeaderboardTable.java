package org.cailab.dashboard.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import org.cailab.comparison.ComparisonTask;
import org.cailab.dashboard.Leaderboard;
import org.cailab.dashboard.LeaderboardEntry;
import org.cailab.dashboard.LeaderboardExport;

/** The leaderboard of one task: a sortable grid, a summary line and CSV / JSON downloads of exactly what it shows. */
final class LeaderboardTable extends VerticalLayout {

    private final ComparisonTask task;
    private final Grid<LeaderboardEntry> grid = new Grid<>();
    private final Span summary = new Span();
    private final Span rankNote = new Span();
    private volatile Leaderboard shown;

    LeaderboardTable(ComparisonTask task) {
        this.task = task;
        String code = task.name().toLowerCase(Locale.ROOT);
        setPadding(false);
        setSpacing(false);
        grid.setId("leaderboard-" + code);
        grid.setAllRowsVisible(true);
        var rank = grid.addColumn(LeaderboardEntry::rank)
                .setHeader("Rank")
                .setWidth("7em")
                .setFlexGrow(0)
                .setComparator(Comparator.comparingInt(LeaderboardEntry::rank).thenComparing(e -> -e.rating()));
        grid.addColumn(LeaderboardEntry::snapshot)
                .setHeader("Snapshot")
                .setFlexGrow(2)
                .setComparator(Comparator.comparing(LeaderboardEntry::snapshot));
        cell(
                "Rating",
                "rating",
                e -> ChartOptions.number(e.rating()),
                Comparator.comparingDouble(LeaderboardEntry::rating));
        grid.addColumn(e -> ChartOptions.number(e.lower()) + " to " + ChartOptions.number(e.upper()))
                .setHeader("95% interval")
                .setAutoWidth(true)
                .setComparator(Comparator.comparingDouble(e -> e.upper() - e.lower()));
        cell("Votes", "votes", e -> Long.toString(e.votes()), Comparator.comparingLong(LeaderboardEntry::votes));
        number(
                "Step",
                e -> e.step() == null ? "" : e.step().toString(),
                Comparator.comparing(LeaderboardEntry::step, Comparator.nullsLast(Comparator.naturalOrder())));
        number(
                "Run",
                e -> e.runId() == null ? "" : e.runId().toString(),
                Comparator.comparing(LeaderboardEntry::runId, Comparator.nullsLast(Comparator.naturalOrder())));
        grid.sort(GridSortOrder.asc(rank).build());
        summary.setId("leaderboard-" + code + "-summary");
        this.shown = null;
        HorizontalLayout heading = new HorizontalLayout(
                new H4(task.label()),
                summary,
                download("CSV", "text/csv", "csv", LeaderboardExport::csv),
                download("JSON", "application/json", "json", LeaderboardExport::json));
        heading.setAlignItems(Alignment.BASELINE);
        rankNote.setId("leaderboard-" + code + "-ranks");
        rankNote.addClassName("cailab-note");
        add(heading, grid, rankNote);
    }

    void show(Leaderboard board) {
        shown = board;
        grid.setItems(board.entries());
        summary.setText(board.battles() + " rated votes, " + board.entries().size() + " snapshots, "
                + board.method().label() + (board.anchor() == null ? ", mean 1000" : ", " + board.anchor() + " = 0")
                + ", " + board.bootstrapRounds() + " bootstrap rounds"
                + (board.converged() ? "" : " (fit did not converge)"));
        long shared = board.entries().stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        LeaderboardEntry::rank, java.util.stream.Collectors.counting()))
                .values()
                .stream()
                .filter(c -> c > 1)
                .count();
        rankNote.setText(
                shared == 0
                        ? ""
                        : "Snapshots share a rank when their 95% intervals overlap: a snapshot ranks below another only when "
                                + "the other's whole interval lies above its own. More votes narrow the intervals and separate them.");
    }

    private void number(String header, Function<LeaderboardEntry, String> text, Comparator<LeaderboardEntry> order) {
        grid.addColumn(text::apply)
                .setHeader(header)
                .setAutoWidth(true)
                .setComparator(order)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
    }

    /** A column whose cells say which snapshot and column they show, so that scripts and tests can find a number. */
    private void cell(
            String header, String column, Function<LeaderboardEntry, String> text, Comparator<LeaderboardEntry> order) {
        grid.addComponentColumn(e -> {
                    Span value = new Span(text.apply(e));
                    value.getElement().setAttribute("data-snapshot", e.snapshot());
                    value.getElement().setAttribute("data-column", column);
                    return value;
                })
                .setHeader(header)
                .setAutoWidth(true)
                .setComparator(order)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
    }

    private Anchor download(String label, String contentType, String extension, Function<Leaderboard, String> format) {
        Anchor link = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    Leaderboard board = shown;
                    byte[] bytes =
                            board == null ? new byte[0] : format.apply(board).getBytes(StandardCharsets.UTF_8);
                    String name = board == null ? "ratings." + extension : LeaderboardExport.fileName(board, extension);
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes), name, contentType + ";charset=utf-8", bytes.length);
                }),
                AttachmentType.DOWNLOAD,
                label);
        link.setId("leaderboard-" + task.name().toLowerCase(Locale.ROOT) + "-" + extension);
        link.getElement()
                .setAttribute(
                        "aria-label",
                        "Download the " + task.label().toLowerCase(Locale.ROOT) + " leaderboard as " + label);
        return link;
    }
}
