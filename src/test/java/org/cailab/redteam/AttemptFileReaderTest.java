package org.cailab.redteam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class AttemptFileReaderTest {

    static final String GOOD = """
            {"transcript": "\\n\\nHuman: hi\\n\\nAssistant: hello", "min_harmlessness_score_transcript": -1.5,
             "num_params": "52B", "model_type": "rlhf", "rating": 3.0, "task_description": "get it to swear",
             "task_descripton_harmlessness_score": 0.75, "red_team_member_id": 12, "is_upworker": false,
             "tags": ["profanity", "test"], "extra": {"kept": true}}""";

    @Test
    void readsAnArrayOfRecordsWithAllFields() {
        List<ImportedRecord> records = new ArrayList<>();
        var result = AttemptFileReader.read(stream("[" + GOOD + "," + GOOD.replace("3.0", "0") + "]"), records::add);
        assertThat(result.problems()).isEmpty();
        assertThat(result.records()).isEqualTo(2);
        ImportedRecord first = records.getFirst();
        assertThat(first.index()).isZero();
        assertThat(first.transcript()).isEqualTo("\n\nHuman: hi\n\nAssistant: hello");
        assertThat(first.rating()).isEqualTo(3.0);
        assertThat(first.taskDescription()).isEqualTo("get it to swear");
        assertThat(first.taskHarmlessnessScore()).isEqualTo(0.75);
        assertThat(first.minHarmlessnessScore()).isEqualTo(-1.5);
        assertThat(first.modelType()).isEqualTo("rlhf");
        assertThat(first.numParams()).isEqualTo("52B");
        assertThat(first.redTeamMemberId()).isEqualTo("12");
        assertThat(first.isUpworker()).isFalse();
        assertThat(first.tags()).containsExactly("profanity", "test");
        assertThat(first.originalJson())
                .contains("\"extra\":{\"kept\":true}")
                .contains("task_descripton_harmlessness_score");
        assertThat(records.get(1).rating()).isZero();
    }

    @Test
    void detectsGzipByItsMagicBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(("[" + GOOD + "]").getBytes(StandardCharsets.UTF_8));
        }
        List<ImportedRecord> records = new ArrayList<>();
        var result = AttemptFileReader.read(new ByteArrayInputStream(bytes.toByteArray()), records::add);
        assertThat(result.problems()).isEmpty();
        assertThat(records).hasSize(1);
    }

    @Test
    void readsOneRecordPerLineToo() {
        List<ImportedRecord> records = new ArrayList<>();
        var result = AttemptFileReader.read(
                stream(GOOD.replace("\n", " ") + "\n" + GOOD.replace("\n", " ") + "\n"), records::add);
        assertThat(result.problems()).isEmpty();
        assertThat(records).hasSize(2);
    }

    @Test
    void reportsMalformedRecordsByIndexAndHandsOnNothingAfterTheFirst() {
        String bad = "[" + GOOD + ", {\"transcript\": \"x\", \"rating\": 5}, " + GOOD + ", 7, {\"rating\": 1}, "
                + GOOD.replace("\"tags\": [\"profanity\", \"test\"]", "\"tags\": {}") + "]";
        List<ImportedRecord> records = new ArrayList<>();
        var result = AttemptFileReader.read(stream(bad), records::add);
        assertThat(result.problems()).extracting(MalformedRecord::index).containsExactly(1L, 3L, 4L, 5L);
        assertThat(result.problems().getFirst().problem()).contains("rating").contains("outside 0 to 4");
        assertThat(result.problems().get(1).problem()).contains("not a JSON object");
        assertThat(result.problems().get(2).problem()).contains("transcript");
        assertThat(result.problems().get(3).problem()).contains("tags");
        assertThat(records).hasSize(1);
    }

    @Test
    void reportsBrokenJsonAndCutOffFiles() {
        var broken = AttemptFileReader.read(stream("[" + GOOD + ", {\"transcript\": \"x\" \"rating\": 1}]"), r -> {});
        assertThat(broken.problems()).singleElement().satisfies(p -> {
            assertThat(p.index()).isEqualTo(1);
            assertThat(p.problem()).contains("not valid JSON").contains("line");
        });
        var cut = AttemptFileReader.read(stream("[" + GOOD + ", " + GOOD), r -> {});
        assertThat(cut.problems()).singleElement().satisfies(p -> {
            assertThat(p.index()).isEqualTo(-1);
            assertThat(p.problem()).contains("after record 1").contains("cut off");
        });
        var cutInARecord = AttemptFileReader.read(stream("[" + GOOD + ", " + GOOD.substring(0, 40)), r -> {});
        assertThat(cutInARecord.problems())
                .singleElement()
                .extracting(MalformedRecord::index)
                .isEqualTo(1L);
        var notAnArray = AttemptFileReader.read(stream("\"hello\""), r -> {});
        assertThat(notAnArray.problems())
                .singleElement()
                .extracting(MalformedRecord::index)
                .isEqualTo(-1L);
        var empty = AttemptFileReader.read(stream(""), r -> {});
        assertThat(empty.problems())
                .singleElement()
                .extracting(MalformedRecord::problem)
                .asString()
                .contains("empty");
    }

    @Test
    void replacesNulCharactersWhichPostgresCannotStore() {
        List<ImportedRecord> records = new ArrayList<>();
        AttemptFileReader.read(
                stream("[{\"transcript\": \"a\\u0000b\", \"rating\": 2, \"tags\": [\"x\\u0000\"]}]"), records::add);
        assertThat(records.getFirst().transcript()).isEqualTo("a\uFFFDb");
        assertThat(records.getFirst().originalJson()).doesNotContain("\\u0000");
        assertThat(records.getFirst().tags()).containsExactly("x\uFFFD");
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aGzipBombInsideARecordFailsAsTooLargeWithoutReadingItAll() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        byte[] letters = new byte[1 << 20];
        java.util.Arrays.fill(letters, (byte) 'a');
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(bytes)) {
            gzip.write("[{\"transcript\": \"".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (int i = 0; i < 256; i++) {
                gzip.write(letters);
            }
        }
        List<ImportedRecord> records = new java.util.ArrayList<>();
        var result = AttemptFileReader.read(new ByteArrayInputStream(bytes.toByteArray()), records::add);
        assertThat(records).isEmpty();
        assertThat(result.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.problem()).contains("too large"));
    }
}
