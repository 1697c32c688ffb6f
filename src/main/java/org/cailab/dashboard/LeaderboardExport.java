package org.cailab.dashboard;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A leaderboard as a file: CSV for spreadsheets, JSON in the shape of {@code GET /api/ratings} for scripts. Numbers
 * are written exactly (no rounding), so the files can be analysed further.
 */
public final class LeaderboardExport {

    static final String[] CSV_HEADER = {"rank", "snapshot", "rating", "lower", "upper", "votes", "step", "run_id"};
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private LeaderboardExport() {}

    /** One line per snapshot, best first, with a header line. */
    public static String csv(Leaderboard board) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            for (LeaderboardEntry e : board.entries()) {
                csv.printRecord(
                        e.rank(),
                        spreadsheetSafe(e.snapshot()),
                        e.rating(),
                        e.lower(),
                        e.upper(),
                        e.votes(),
                        e.step() == null ? "" : e.step(),
                        e.runId() == null ? "" : e.runId());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** {@code {task, method, anchor, bootstrapRounds, level, battles, computedAt, models: [...]}}. */
    public static String json(Leaderboard board) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree(board));
    }

    /** The JSON tree of {@link #json}. */
    public static ObjectNode tree(Leaderboard board) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("task", taskCode(board.task()));
        root.put("method", board.method().code());
        root.put("anchor", board.anchor());
        root.put("bootstrapRounds", board.bootstrapRounds());
        root.put("level", board.level());
        root.put("battles", board.battles());
        root.put("converged", board.converged());
        root.put("computedAt", board.computedAt().toString());
        ArrayNode models = root.putArray("models");
        for (LeaderboardEntry e : board.entries()) {
            ObjectNode m = models.addObject()
                    .put("snapshot", e.snapshot())
                    .put("rating", e.rating())
                    .put("lower", e.lower())
                    .put("upper", e.upper())
                    .put("votes", e.votes())
                    .put("rank", e.rank());
            m.put("step", e.step());
            m.put("runId", e.runId());
        }
        return root;
    }

    /** For example {@code ratings-helpfulness-bt.csv}. */
    public static String fileName(Leaderboard board, String extension) {
        return "ratings-" + taskCode(board.task()) + "-" + board.method().code() + "." + extension;
    }

    static String taskCode(org.cailab.comparison.ComparisonTask task) {
        return task.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Spreadsheets run a cell that starts with = + - @ as a formula; snapshot names are chosen by users, so such a
     * name gets a leading apostrophe (the usual CSV-injection guard).
     */
    static String spreadsheetSafe(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
