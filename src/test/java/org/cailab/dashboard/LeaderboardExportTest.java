package org.cailab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cailab.comparison.ComparisonTask.HELPFULNESS;
import static org.cailab.dashboard.Boards.board;
import static org.cailab.dashboard.Boards.entry;

import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LeaderboardExportTest {

    private final Leaderboard board = board(
            HELPFULNESS, entry("rl, \"final\"", 1023.456789, 7L, 300L), entry("=HYPERLINK(\"x\")", 976.5, null, null));

    @Test
    void csvHasAHeaderAndOneExactLinePerSnapshotBestFirst() throws Exception {
        String csv = LeaderboardExport.csv(board);
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
        assertThat(csv).startsWith("rank,snapshot,rating,lower,upper,votes,step,run_id\r\n");
        assertThat(rows).hasSize(2);
        CSVRecord first = rows.getFirst();
        assertThat(first.get("snapshot")).isEqualTo("rl, \"final\"");
        assertThat(Double.parseDouble(first.get("rating"))).isEqualTo(1023.456789);
        assertThat(Double.parseDouble(first.get("lower")))
                .isEqualTo(board.entries().getFirst().lower());
        assertThat(first.get("votes")).isEqualTo("7");
        assertThat(first.get("step")).isEqualTo("300");
        assertThat(first.get("run_id")).isEqualTo("7");
        assertThat(rows.get(1).get("step")).isEmpty();
        assertThat(rows.get(1).get("snapshot"))
                .as("no formula for spreadsheets")
                .isEqualTo("'=HYPERLINK(\"x\")");
    }

    @Test
    void jsonHasTheShapeOfTheEndpoint() {
        JsonNode json = JsonMapper.builder().build().readTree(LeaderboardExport.json(board));
        assertThat(json.get("task").asString()).isEqualTo("helpfulness");
        assertThat(json.get("method").asString()).isEqualTo("bt");
        assertThat(json.get("anchor").isNull()).isTrue();
        assertThat(json.get("bootstrapRounds").asInt()).isEqualTo(100);
        JsonNode first = json.get("models").get(0);
        assertThat(first.get("snapshot").asString()).isEqualTo("rl, \"final\"");
        assertThat(first.get("rating").asDouble()).isEqualTo(1023.456789);
        assertThat(first.get("lower").asDouble())
                .isEqualTo(board.entries().getFirst().lower());
        assertThat(first.get("upper").asDouble())
                .isEqualTo(board.entries().getFirst().upper());
        assertThat(first.get("votes").asLong()).isEqualTo(7);
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("step").asLong()).isEqualTo(300);
        assertThat(first.get("runId").asLong()).isEqualTo(7);
        assertThat(json.get("models").get(1).get("step").isNull()).isTrue();
        assertThat(LeaderboardExport.fileName(board, "csv")).isEqualTo("ratings-helpfulness-bt.csv");
    }
}
