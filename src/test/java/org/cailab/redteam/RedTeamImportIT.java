package org.cailab.redteam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cailab.db.jooq.Tables.REDTEAM_ATTEMPT;
import static org.cailab.db.jooq.Tables.REDTEAM_IMPORT;
import static org.cailab.redteam.RedTeamServiceIT.as;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.cailab.support.IntegrationTest;
import org.cailab.support.TestDataDirs;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RedTeamImportIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RedTeamDataService data;

    @Autowired
    RedTeamStatsService stats;

    @Autowired
    DSLContext dsl;

    @Autowired
    DataSource dataSource;

    @Test
    void aMalformedRecordIsReportedByIndexAndNothingIsImported() {
        Path file = SyntheticAttempts.write(tempFile("malformed"), 1_200, 200, 1_037);
        long importsBefore = dsl.fetchCount(REDTEAM_IMPORT);
        long attemptsBefore = dsl.fetchCount(REDTEAM_ATTEMPT);
        assertThatThrownBy(() -> as("admin", () -> importFile(file)))
                .isInstanceOfSatisfying(RedTeamImportException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.index()).isEqualTo(1_037);
                        assertThat(p.problem()).contains("rating").contains("outside 0 to 4");
                    });
                    assertThat(e.getMessage()).contains("Nothing was imported").contains("record 1037");
                });
        // two batches of 500 were inserted before record 1037 was read: the rollback took them back
        assertThat(dsl.fetchCount(REDTEAM_IMPORT)).isEqualTo(importsBefore);
        assertThat(dsl.fetchCount(REDTEAM_ATTEMPT)).isEqualTo(attemptsBefore);
    }

    @Test
    void anImportKeepsEveryFieldGroupsByExternalModelAndExportsInTheSameShape() throws Exception {
        String type = "type-" + UUID.randomUUID().toString().substring(0, 6);
        String records = "["
                + String.join(
                        ",",
                        List.of(
                                record("attempt one", 4, type, "52B", "[\"violence\"]"),
                                record("attempt two", 2, type, "52B", "null"),
                                record("attempt three", 0, type, "13B", "[]")))
                + "]";
        ImportReport report = as(
                "admin",
                () -> data.importAttempts(
                        "red_team_attempts.jsonl", new ByteArrayInputStream(records.getBytes(StandardCharsets.UTF_8))));
        assertThat(report.records()).isEqualTo(3);
        assertThat(as("admin", () -> data.imports())).anySatisfy(i -> {
            assertThat(i.id()).isEqualTo(report.importId());
            assertThat(i.records()).isEqualTo(3);
            assertThat(i.sha256()).hasSize(64);
        });
        var stored = dsl.selectFrom(REDTEAM_ATTEMPT)
                .where(REDTEAM_ATTEMPT.IMPORT_ID.eq(report.importId()))
                .orderBy(REDTEAM_ATTEMPT.RECORD_INDEX)
                .fetch();
        assertThat(stored).hasSize(3);
        assertThat(stored.getFirst().getSource()).isEqualTo("IMPORTED");
        assertThat(stored.getFirst().getTranscript()).isEqualTo("\n\nHuman: attempt one\n\nAssistant: no");
        assertThat(stored.getFirst().getTags()).containsExactly("violence");
        assertThat(stored.getFirst().getRedTeamMemberId()).isEqualTo("7");
        assertThat(stored.getFirst().getIsUpworker()).isTrue();
        assertThat(stored.getFirst().getTaskHarmlessnessScore()).isEqualTo(1.5);
        JsonNode original = JSON.readTree(stored.getFirst().getOriginal().data());
        assertThat(original.get("unknown_field").stringValue()).isEqualTo("kept");

        RatingStats big = statsLabelled(type + ", 52B (imported)");
        assertThat(big.n()).isEqualTo(2);
        assertThat(big.mean()).isEqualTo(3.0);
        assertThat(big.counts()).containsExactly(0L, 0L, 1L, 0L, 1L);
        assertThat(big.source()).isEqualTo(AttemptSource.IMPORTED);
        assertThat(big.modelType()).isEqualTo(type);
        assertThat(big.ciLow()).as("two ratings are too few for an interval").isNull();
        assertThat(statsLabelled(type + ", 13B (imported)").counts()).containsExactly(1L, 0L, 0L, 0L, 0L);

        assertThatThrownBy(() -> as(
                        "admin",
                        () -> data.importAttempts(
                                "again.json", new ByteArrayInputStream(records.getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOf(RedTeamImportException.class)
                .hasMessageContaining("already imported");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = as("admin", () -> data.exportAttempts(ExportSelection.IMPORTED, true, out));
        assertThat(written).isGreaterThanOrEqualTo(3);
        JsonNode exported;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            exported = JSON.readTree(in);
        }
        assertThat(exported.isArray()).isTrue();
        List<JsonNode> mine = new ArrayList<>();
        exported.values().forEach(n -> {
            if (type.equals(n.path("model_type").asString())) {
                mine.add(n);
            }
        });
        assertThat(mine).hasSize(3);
        assertThat(mine.getFirst().get("task_descripton_harmlessness_score").doubleValue())
                .isEqualTo(1.5);
        assertThat(mine.getFirst().get("unknown_field").stringValue()).isEqualTo("kept");

        // what we export can be imported again (as another file), with the same content
        ImportReport again = as(
                "admin", () -> data.importAttempts("exported.jsonl.gz", new ByteArrayInputStream(out.toByteArray())));
        assertThat(again.records()).isEqualTo(written);
        assertThat(statsLabelled(type + ", 52B (imported)").n()).isEqualTo(4);
        as("admin", () -> {
            data.deleteImport(again.importId());
            return null;
        });
        assertThat(statsLabelled(type + ", 52B (imported)").n()).isEqualTo(2);
    }

    @Test
    void fortyThousandRecordsImportInABoundedHeap() throws Exception {
        int records = 40_000;
        // about 2,000 characters a record: some 80 MB of JSON, more than the child's whole heap of 64 MB
        Path file = SyntheticAttempts.write(tempFile("bounded"), records, 1_900, -1);
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        List<String> command = List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx64m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                BoundedImportMain.class.getName(),
                hikari.getJdbcUrl(),
                hikari.getUsername(),
                file.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment()
                .put("CAILAB_TEST_DB_PASSWORD", java.util.Objects.requireNonNullElse(hikari.getPassword(), ""));
        Process child = builder.start();
        String output;
        try (InputStream in = child.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(child.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        Matcher result = Pattern.compile(
                        "IMPORTED (\\d+) IMPORT_ID (\\d+) PEAK_HEAP_BYTES (\\d+) OLD_GEN_PEAK_BYTES (\\d+)")
                .matcher(output);
        assertThat(result.find()).as(output).isTrue();
        assertThat(Integer.parseInt(result.group(1))).isEqualTo(records);
        long importId = Long.parseLong(result.group(2));
        System.out.printf(
                "bounded import: %d records, heap pools' peaks %.1f MiB, old generation peak %.1f MiB, "
                        + "of 64 MiB%n",
                records, Long.parseLong(result.group(3)) / 1048576.0, Long.parseLong(result.group(4)) / 1048576.0);
        assertThat(dsl.fetchCount(REDTEAM_ATTEMPT, REDTEAM_ATTEMPT.IMPORT_ID.eq(importId)))
                .isEqualTo(records);
        assertThat(dsl.select(REDTEAM_ATTEMPT.RECORD_INDEX)
                        .from(REDTEAM_ATTEMPT)
                        .where(REDTEAM_ATTEMPT.IMPORT_ID.eq(importId))
                        .orderBy(REDTEAM_ATTEMPT.RECORD_INDEX.desc())
                        .limit(1)
                        .fetchSingle()
                        .value1())
                .isEqualTo(records - 1);
        dsl.deleteFrom(REDTEAM_IMPORT).where(REDTEAM_IMPORT.ID.eq(importId)).execute();
    }

    private ImportReport importFile(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return data.importAttempts(file.getFileName().toString(), in);
        }
    }

    private RatingStats statsLabelled(String label) {
        return as("admin", () -> stats.bySnapshot()).stream()
                .filter(s -> s.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no aggregate labelled " + label));
    }

    private static Path tempFile(String purpose) {
        return TestDataDirs.create("redteam-" + purpose).resolve("red_team_attempts.jsonl.gz");
    }

    private static String record(String human, int rating, String modelType, String size, String tags) {
        return """
                {"transcript": "\\n\\nHuman: %s\\n\\nAssistant: no", "min_harmlessness_score_transcript": -2.5,
                 "num_params": "%s", "model_type": "%s", "rating": %d.0, "task_description": "task of %s",
                 "task_descripton_harmlessness_score": 1.5, "red_team_member_id": 7, "is_upworker": true,
                 "tags": %s, "unknown_field": "kept"}""".formatted(human, size, modelType, rating, human, tags);
    }
}
